package com.orderdesk.shared.audit;

import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Role;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AttributionTest {
    private static final Actor MANAGER = new Actor("manager", "Ирина Соколова", Role.RENTAL_MANAGER, Channel.DESK);

    @Test
    void theActorTravelsInMetadataAndComesBackWhole() {
        Map<String, String> metadata = Attribution.of(MANAGER, null);

        assertThat(metadata).containsEntry(Attribution.ACTOR_ID, "manager").containsEntry(Attribution.ACTOR_ROLE, "RENTAL_MANAGER")
                .containsEntry(Attribution.CHANNEL, "DESK").doesNotContainKey(Attribution.CAUSE);
        assertThat(Attribution.actorOf(metadata)).isEqualTo(MANAGER);
        assertThat(Attribution.actorOf(Attribution.of(Actor.system(Channel.DEADLINE), "Истёк срок")))
                .isEqualTo(Actor.system(Channel.DEADLINE));
    }

    @Test
    void metadataNamingNoActorOrOnlyPartOfOneGivesNone() {
        assertThat(Attribution.actorOf(Map.of())).isNull();
        Map<String, String> partial = new HashMap<>(Attribution.of(MANAGER, null));
        partial.remove(Attribution.CHANNEL);
        assertThat(Attribution.actorOf(partial)).isNull();
    }
}
