package io.yizhan.station.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.support.StationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Eight counters take the first numbers of a new day at the same moment: each gets its own, 1 to 8, and none is refused. */
@StationTest
class DailyNumbersTest {

    @Autowired
    DailyNumbers numbers;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theDaysFirstNumbersTakenAtOnceAreDistinct() throws Exception {
        String day = "99" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        CountDownLatch go = new CountDownLatch(1);
        List<Integer> taken = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(pool.submit(() -> {
                    go.await();
                    numbers.start("bill_sequence", day);
                    return tx.execute(s -> {
                        int n = numbers.next("bill_sequence", day);
                        pause(); // the rest of the order's transaction: the others wait for the day's row meanwhile
                        return n;
                    });
                }));
            }
            go.countDown();
            for (Future<Integer> f : all) {
                taken.add(f.get());
            }
        }
        assertThat(taken).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
