package io.vmflow.ingest;

import java.util.ArrayDeque;
import java.util.Deque;

/** Checks archive entry names and link targets for escapes (zip-slip and friends). */
final class EntryNames {

  private EntryNames() {}

  /** False for absolute names and names whose {@code ..} climb above the archive root. */
  static boolean isSafe(String name) {
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
      return false;
    }
    return depthAfter(new ArrayDeque<>(), n) >= 0;
  }

  /** False when {@code target}, resolved from the link's folder, leaves the archive. */
  static boolean isSafeLink(String name, String target) {
    String t = target.replace('\\', '/');
    if (t.startsWith("/")) {
      return false;
    }
    Deque<String> dirs = new ArrayDeque<>();
    String[] parts = name.replace('\\', '/').split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (!parts[i].isEmpty() && !parts[i].equals(".")) {
        dirs.push(parts[i]);
      }
    }
    return depthAfter(dirs, t) >= 0;
  }

  private static int depthAfter(Deque<String> dirs, String path) {
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (dirs.isEmpty()) {
          return -1;
        }
        dirs.pop();
      } else {
        dirs.push(p);
      }
    }
    return dirs.size();
  }
}
