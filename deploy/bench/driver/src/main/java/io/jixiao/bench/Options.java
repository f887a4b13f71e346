package io.jixiao.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} options and {@code --flag} switches of a sub-command. */
final class Options {

    private final Map<String, String> opts = new HashMap<>();
    private final List<String> flags = new ArrayList<>();

    /** The options after the sub-command (args[from..]). */
    static Options parse(String[] args, int from) {
        Options o = new Options();
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                o.opts.put(args[i].substring(2), args[++i]);
            } else {
                o.flags.add(args[i].substring(2));
            }
        }
        return o;
    }

    String opt(String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    int intOpt(String name, int def) {
        return opts.containsKey(name) ? Integer.parseInt(opts.get(name)) : def;
    }

    String getOrDefault(String name, String def) {
        return opts.getOrDefault(name, def);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
