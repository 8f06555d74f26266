package preflight.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

    @TempDir
    Path dir;

    static void waitFor(AtomicInteger n, int value) throws InterruptedException {
        for (int i = 0; i < 200 && n.get() < value; i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void severalSavesInAMomentCauseOneReloadAndNewFoldersAreWatched() throws Exception {
        Files.createDirectories(dir.resolve("rules/US"));
        AtomicInteger reloads = new AtomicInteger();
        try (FolderWatcher w = new FolderWatcher(List.of(dir.resolve("rules")), 300, reloads::incrementAndGet)) {
            Files.writeString(dir.resolve("rules/US/a.drl"), "one");
            Files.writeString(dir.resolve("rules/US/b.drl"), "two");
            Files.writeString(dir.resolve("rules/US/a.drl"), "three");
            waitFor(reloads, 1);
            Thread.sleep(600);
            assertThat(reloads.get()).isEqualTo(1);

            Files.createDirectories(dir.resolve("rules/JP"));
            waitFor(reloads, 2);
            Thread.sleep(600);
            Files.writeString(dir.resolve("rules/JP/radio.drl"), "new pack");
            waitFor(reloads, 3);
            assertThat(reloads.get()).isEqualTo(3);
        }
    }
}
