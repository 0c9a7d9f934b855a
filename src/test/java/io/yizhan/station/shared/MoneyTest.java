package io.yizhan.station.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Splitting an amount over parts: the parts always add up exactly and each is within a fen of its proportional share. */
class MoneyTest {

    @Test
    void splitsAddUpExactlyAndStayWithinAFenOfTheirShare() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        for (int round = 0; round < 5_000; round++) {
            long amount = r.nextLong(-1_000_000, 1_000_000);
            long[] weights = new long[1 + r.nextInt(6)];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(100_000);
            }
            long total = Arrays.stream(weights).sum();
            long[] parts = Money.split(amount, weights);
            assertThat(Arrays.stream(parts).sum()).as("seed %d round %d", seed, round).isEqualTo(amount);
            if (total > 0) {
                for (int i = 0; i < parts.length; i++) {
                    double exact = (double) amount * weights[i] / total;
                    assertThat(Math.abs(parts[i] - exact)).as("seed %d round %d part %d", seed, round, i).isLessThan(1.0 + 1e-6);
                }
            }
        }
        assertThat(Money.split(100, new long[] {1, 1, 1})).containsExactly(34, 33, 33);
        assertThat(Money.split(-100, new long[] {1, 1, 1})).containsExactly(-34, -33, -33);
        assertThat(Money.split(700, new long[] {0, 0})).containsExactly(700, 0);
    }
}
