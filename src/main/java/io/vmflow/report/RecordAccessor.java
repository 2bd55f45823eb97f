package io.vmflow.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * Reads a record's component ({@code ${vm.host.name}}) through its accessor, cached per class.
 * OGNL, the standalone Thymeleaf's expression language, caches only bean getters ({@code
 * getName()}); for a record it falls back to scanning the class's methods by lower-cased name on
 * every read, which took most of the time of a 2 000-VM report. Anything else goes to OGNL's own
 * object accessor.
 */
final class RecordAccessor extends ObjectPropertyAccessor {

  private static final ClassValue<Map<String, Method>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> out = new HashMap<>();
          for (RecordComponent c : type.getRecordComponents()) {
            out.put(c.getName(), c.getAccessor());
          }
          return Map.copyOf(out);
        }
      };

  private RecordAccessor() {}

  /** Registers the accessor for every record, as Thymeleaf registers its own for its contexts. */
  static void install() {
    OgnlRuntime.setPropertyAccessor(Record.class, new RecordAccessor());
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Object getProperty(Map context, Object target, Object name) throws OgnlException {
    if (target instanceof Record && name instanceof String component) {
      Method accessor = COMPONENTS.get(target.getClass()).get(component);
      if (accessor != null && accessor.canAccess(target)) {
        try {
          return accessor.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new OgnlException(
              "cannot read " + component + " of " + target.getClass().getName(), e);
        }
      }
    }
    return super.getProperty(context, target, name);
  }
}
