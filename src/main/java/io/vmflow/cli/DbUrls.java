package io.vmflow.cli;

import java.util.regex.Pattern;

/**
 * A database URL as it may be printed: any password it carries ({@code password=} parameter, {@code
 * user:password@} authority) replaced by {@code ***}.
 */
final class DbUrls {

  private static final Pattern PARAM = Pattern.compile("(?i)([?&;:]\\s*password\\s*=)[^&;]*");
  private static final Pattern AUTHORITY = Pattern.compile("(//[^/:@?]+:)[^@/?]*@");

  private DbUrls() {}

  static String redact(String url) {
    String s = PARAM.matcher(url).replaceAll("$1***");
    return AUTHORITY.matcher(s).replaceAll("$1***@");
  }

  /** The innermost cause's message, with {@code secret} (when not empty) masked. */
  static String rootMessage(Throwable t, String secret) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return secret == null || secret.isEmpty() ? m : m.replace(secret, "***");
  }
}
