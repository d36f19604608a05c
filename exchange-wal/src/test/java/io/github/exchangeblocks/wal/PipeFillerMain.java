package io.github.exchangeblocks.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child process of {@link KillSemanticsIT}: prints {@value #LINES} numbered lines to stdout (less than a pipe
 * buffer, so it never blocks), then creates the marker file named by its argument and sleeps until killed.
 */
public final class PipeFillerMain {
    static final int LINES = 2000;

    private PipeFillerMain() {
    }

    /**
     * Entry point.
     *
     * @param args the marker file to create once every line is written
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        for (int i = 0; i < LINES; i++) {
            System.out.println("line " + i);
        }
        System.out.flush();
        Files.createFile(Path.of(args[0]));
        Thread.sleep(600_000);
    }
}
