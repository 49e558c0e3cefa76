package com.orderdesk.command.space;

import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Which place an order takes of an hour: the first free one from its own starting place, wrapping round (docs/adr/019). */
class SpaceHoldsPlacesTest {
    private static BitSet taken(int... places) {
        BitSet set = new BitSet();
        for (int place : places) {
            set.set(place);
        }
        return set;
    }

    @Test
    void theFirstFreePlaceFromTheOrdersOwnWrappingRoundOrNoneWhenFull() {
        assertThat(SpaceHolds.freePlace(taken(), 5, 12)).isEqualTo(5);
        assertThat(SpaceHolds.freePlace(taken(5, 6), 5, 12)).isEqualTo(7);
        assertThat(SpaceHolds.freePlace(taken(9, 10, 11), 9, 12)).as("wraps round").isEqualTo(0);
        assertThat(SpaceHolds.freePlace(taken(0, 1, 2, 9, 10, 11), 9, 12)).isEqualTo(3);
        assertThat(SpaceHolds.freePlace(taken(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 4, 12)).as("full").isEqualTo(-1);
        assertThat(SpaceHolds.freePlace(taken(0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11), 5, 12)).as("the last one, before the start").isEqualTo(4);
        assertThat(SpaceHolds.freePlace(taken(), 0, 1)).isZero();
        assertThat(SpaceHolds.freePlace(taken(0), 0, 1)).isEqualTo(-1);
        assertThat(SpaceHolds.freePlace(taken(12, 13), 11, 12)).as("places beyond the capacity (an old overlap) are not places")
                .isEqualTo(11);
    }
}
