package io.jixiao.devstack;

/** With --parent-pid, the launcher ends when the process that started it is gone (tests killed hard). */
final class Watchdog {

    private Watchdog() {
    }

    static void exitWithParent(Args args) {
        String pid = args.get("parent-pid", null);
        if (pid == null) {
            return;
        }
        Thread t = new Thread(() -> {
            ProcessHandle parent = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
            while (parent != null && parent.isAlive()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.exit(0);
        }, "parent-watchdog");
        t.setDaemon(true);
        t.start();
    }
}
