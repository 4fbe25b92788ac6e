package bench;

import java.util.HashMap;
import java.util.Map;

/** `--name value` command-line options, and the one-line JSON the bench runner reads from stdout. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] argv) {
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + argv[i]);
            values.put(argv[i].substring(2), argv[i + 1]);
        }
    }

    String str(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalArgumentException("missing --" + name);
        return v;
    }

    String str(String name, String def) {
        return values.getOrDefault(name, def);
    }

    long num(String name, long def) {
        String v = values.get(name);
        return v == null ? def : Long.parseLong(v);
    }

    /** Prints one JSON object line; values are numbers, booleans or strings. */
    static void printJson(Object... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) sb.append(',');
            sb.append('"').append(kv[i]).append("\":");
            Object v = kv[i + 1];
            if (v instanceof Number || v instanceof Boolean) sb.append(v);
            else sb.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ")).append('"');
        }
        sb.append('}');
        System.out.println(sb);
        System.out.flush();
    }

    /**
     * CPU milliseconds (utime + stime, every thread) of this JVM from /proc/self/stat (Linux; -1 elsewhere). The same
     * source the runner would read for any child; clock ticks of 10 ms (USER_HZ 100).
     */
    static long cpuMs() {
        try {
            String stat = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("/proc/self/stat")));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Peak resident set (VmHWM) of this JVM in MiB from /proc/self/status, or -1. */
    static double peakRssMiB() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 102.4) / 10.0;
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    static double rate(long count, double ms) {
        return ms <= 0 ? 0 : Math.round(count * 1000.0 / ms);
    }
}
