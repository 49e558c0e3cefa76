package com.orderdesk.app.model;

import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.catalog.TestCatalogs;
import com.orderdesk.command.order.Order;
import com.orderdesk.command.order.OrderNumbers;
import com.orderdesk.command.space.InMemoryHoldTable;
import com.orderdesk.command.space.SpaceHolds;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.command.CancelOrder;
import com.orderdesk.shared.order.command.CompleteOrder;
import com.orderdesk.shared.order.command.ExpireOnlinePayment;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.command.RecordManagerPayment;
import com.orderdesk.shared.order.command.RescheduleOrder;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.order.event.OrderCompleted;
import com.orderdesk.shared.order.event.OrderConfirmed;
import com.orderdesk.shared.order.event.OrderPlaced;
import com.orderdesk.shared.order.event.OrderRescheduled;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.OrderNumber;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.Phone;
import com.orderdesk.shared.value.RentalPeriod;
import com.orderdesk.shared.value.Role;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static com.orderdesk.shared.audit.Attribution.sentBy;

/**
 * The model-based test of space (issue 27): random sequences of placing (desk and guest, inside and outside opening
 * hours), paying, lapsing, cancelling, moving and completing orders of a small service — two places, Mon–Fri
 * 09:00–18:00 — run against the real {@link Order} aggregate and {@link SpaceHolds}. A model follows the orders' events
 * (who is live, and when); after every step: no hour holds more than the capacity, what the table holds is exactly the
 * live orders' hours, availability is the capacity less the live orders of each hour, and every refusal was right —
 * {@code no-capacity} only when a wanted hour had its places taken by others, closed hours only outside opening hours,
 * and nothing refused that fitted.
 *
 * <p>300 sequences of 60 steps in the default run; {@code -Dorderdesk.space-model.sequences=N} for more; a failure
 * prints its seed ({@code -Dorderdesk.space-model.seed=<seed> -Dorderdesk.space-model.sequences=1} replays it).
 */
class SpaceModelTest {
    private static final int SEQUENCES = Integer.getInteger("orderdesk.space-model.sequences", 300);
    private static final long SEED = Long.getLong("orderdesk.space-model.seed", 20_261_206L);
    private static final int STEPS = 60;
    private static final int CAPACITY = 2;
    private static final ZoneId ZONE = ZoneId.of("Asia/Yekaterinburg");
    /** A Monday: the model books Monday to Wednesday and tries the weekend before it. */
    private static final LocalDate MONDAY = LocalDate.of(2030, 1, 7);
    private static final Actor MANAGER = new Actor("manager", "Ирина Соколова", Role.RENTAL_MANAGER, Channel.DESK);
    private static final Actor GUEST = new Actor("guest", "Алексей Трошков", Role.GUEST, Channel.GUEST_APP);
    private static final Person VISITOR = new Person("Алексей Трошков", Phone.parse("+7 342 254-54-54"));
    private static final Applicant APPLICANT = new Applicant("Алексей Трошков", "Гость локации", Phone.parse("+7 342 254-54-54"));

    private record Live(OrderStatus status, RentalPeriod period) {
    }

    @Test
    void noHourIsEverSoldBeyondItsPlacesAndAvailabilityIsWhatLiveOrdersLeave() {
        Random seeds = new Random(SEED);
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = SEQUENCES == 1 ? SEED : seeds.nextLong();
            World world = new World(seed);
            try {
                world.run();
            } catch (Throwable failure) {
                throw new AssertionError("Space model: sequence " + i + " failed; replay it with -Dorderdesk.space-model.seed=" + seed
                        + " -Dorderdesk.space-model.sequences=1\nSteps:\n  " + String.join("\n  ", world.log), failure);
            } finally {
                world.axon.shutdown();
            }
        }
    }

    private static final class World {
        final Random random;
        final List<String> log = new ArrayList<>();
        final Catalog catalog = TestCatalogs.coworking().capacity(CAPACITY).openingHours(Map.of("mon-fri", "09:00-18:00")).catalog();
        final Catalog.Service service = catalog.services().get(0);
        final InMemoryHoldTable table = new InMemoryHoldTable();
        final SpaceHolds holds = new SpaceHolds(table);
        Instant now = MONDAY.minusDays(3).atTime(8, 0).atZone(ZONE).toInstant();
        final Configuration axon;
        /** What the orders' events say: each order's status and period. */
        final Map<String, Live> orders = new LinkedHashMap<>();
        final Map<String, Long> eventsSeen = new HashMap<>();

        World(long seed) {
            random = new Random(seed);
            AtomicLong numbers = new AtomicLong(1_000_000);
            Clock clock = ((java.time.InstantSource) () -> now).withZone(ZoneOffset.UTC);
            axon = DefaultConfigurer.defaultConfiguration(false)
                    .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                    .configureAggregate(Order.class)
                    .registerComponent(Catalog.class, c -> catalog)
                    .registerComponent(OrderNumbers.class, c -> (OrderNumbers) orderId -> new OrderNumber(String.valueOf(numbers.incrementAndGet())))
                    .registerComponent(SpaceHolds.class, c -> holds)
                    .registerComponent(com.orderdesk.command.order.RentalDeadlines.class, c -> (orderId, deadline, period, at) -> { })
                    .registerComponent(Clock.class, c -> clock)
                    .buildConfiguration();
            axon.start();
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                int dice = random.nextInt(100);
                if (dice < 40) {
                    place();
                } else if (dice < 52) {
                    pick(OrderStatus.AWAITING_PAYMENT).ifPresent(o -> {
                        Money due = Money.ofRubles(100L * Duration.between(orders.get(o).period().start(), orders.get(o).period().end()).toHours());
                        act("manager takes the whole payment of " + o, sentBy(MANAGER, new RecordManagerPayment(o, "p-" + o, due, PaymentMethod.CASH, null, null)));
                    });
                } else if (dice < 60) {
                    pick(OrderStatus.AWAITING_PAYMENT).ifPresent(o -> act("the payment deadline of " + o + " lapses",
                            new ExpireOnlinePayment(o, o + ":prepayment")));
                } else if (dice < 70) {
                    pickLive().ifPresent(o -> act("manager cancels " + o, sentBy(MANAGER, new CancelOrder(o, "Отмена", null, null))));
                } else if (dice < 88) {
                    pickLive().ifPresent(this::move);
                } else if (dice < 90) {
                    // issue 30: the guest did not come — by hand or by the deadline, the order's places are freed
                    pick(OrderStatus.CONFIRMED).ifPresent(o -> {
                        now = orders.get(o).period().start().plusSeconds(1800);
                        act("nobody came for " + o + "; it is marked «Не пришёл»", random.nextBoolean()
                                ? sentBy(MANAGER, new com.orderdesk.shared.order.command.MarkNoShow(o, null))
                                : new com.orderdesk.shared.order.command.PassRentalDeadline(o, com.orderdesk.shared.order.RentalDeadline.NO_SHOW,
                                orders.get(o).period()));
                    });
                } else if (dice < 93) {
                    pick(OrderStatus.CONFIRMED).ifPresent(o -> {
                        now = orders.get(o).period().end().plusSeconds(60);
                        act("the rental of " + o + " is over; manager completes it", sentBy(MANAGER, new CompleteOrder(o, null)));
                    });
                } else {
                    log.add("time passes");
                    now = now.plus(Duration.ofMinutes(10));
                }
                check();
            }
        }

        private RentalPeriod randomPeriod() {
            // mostly inside opening hours; sometimes reaching past them or on the weekend before
            LocalDate day = MONDAY.plusDays(random.nextInt(5) - 2);
            int from = 7 + random.nextInt(12);
            int hours = 1 + random.nextInt(4);
            LocalDateTime start = day.atTime(Math.min(from, 23), 0);
            return new RentalPeriod(start.atZone(ZONE).toInstant(), start.plusHours(hours).atZone(ZONE).toInstant());
        }

        private void place() {
            String id = UUID.randomUUID().toString().substring(0, 8);
            RentalPeriod period = randomPeriod();
            boolean online = random.nextBoolean();
            Expected expected = expect(id, period, online);
            Object outcome = act((online ? "guest" : "manager") + " books " + id + " for " + local(period),
                    sentBy(online ? GUEST : MANAGER, new PlaceOrder(id, service.id(), "standard", period, null, VISITOR, APPLICANT,
                            PaymentPlan.FULL, online ? null : "guest")));
            learn(id);
            expected.verify(outcome);
        }

        private void move(String id) {
            RentalPeriod period = randomPeriod();
            boolean byGuest = random.nextInt(4) == 0;
            Expected expected = orders.get(id).status() != OrderStatus.CONFIRMED ? null
                    : byGuest && !Duration.between(period.start(), period.end()).equals(
                            Duration.between(orders.get(id).period().start(), orders.get(id).period().end()))
                    ? new Expected("a guest changing the length (the manager's)", null, true)
                    : expect(id, period, byGuest);
            Object outcome = act((byGuest ? "guest" : "manager") + " moves " + id + " to " + local(period),
                    sentBy(byGuest ? GUEST : MANAGER, new RescheduleOrder(id, period, null, null)));
            if (expected != null && !(byGuest && !now.isBefore(orders.get(id).period().start().minus(service.guestCancellationCutoff())))) {
                expected.verify(outcome);
            }
        }

        /** What placing or moving {@code id} to {@code period} must answer, by the model. */
        private record Expected(String why, ErrorCode refusal, boolean closed) {
            void verify(Object outcome) {
                if (closed) {
                    if (!(outcome instanceof InvalidValueException)) {
                        throw new AssertionError("closed hours were not refused: " + why + ", got " + outcome);
                    }
                } else if (refusal != null) {
                    if (!(outcome instanceof RejectedException rejected) || rejected.code() != refusal) {
                        throw new AssertionError("expected " + refusal + " (" + why + "), got " + outcome);
                    }
                } else if (outcome instanceof RuntimeException e) {
                    throw new AssertionError("refused although it fitted (" + why + ")", e);
                }
            }
        }

        /** The model's own reading of the rules: the past (a guest from now, staff from the hour's start), hours, places. */
        private Expected expect(String id, RentalPeriod period, boolean guest) {
            Instant earliest = guest ? now : now.atZone(ZONE).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toInstant();
            if (period.start().isBefore(earliest)) {
                return new Expected("in the past", null, true);
            }
            if (orders.containsKey(id) && orders.get(id).period().equals(period)) {
                return new Expected("a move to where it is", null, true);
            }
            List<Instant> hours = SpaceHolds.hoursOf(period, ZONE);
            for (Instant hour : hours) {
                if (!service.openingHours().isOpen(LocalDateTime.ofInstant(hour, ZONE))) {
                    return new Expected("closed at " + LocalDateTime.ofInstant(hour, ZONE), null, true);
                }
            }
            for (Instant hour : hours) {
                long others = orders.entrySet().stream().filter(e -> !e.getKey().equals(id) && holdsPlaces(e.getValue())
                        && SpaceHolds.hoursOf(e.getValue().period(), ZONE).contains(hour)).count();
                if (others >= CAPACITY) {
                    return new Expected("full at " + LocalDateTime.ofInstant(hour, ZONE), ErrorCode.NO_CAPACITY, false);
                }
            }
            return new Expected("fits", null, false);
        }

        private static boolean holdsPlaces(Live order) {
            return order.status() != OrderStatus.CANCELLED && order.status() != OrderStatus.NO_SHOW;
        }

        private java.util.Optional<String> pick(OrderStatus status) {
            List<String> candidates = orders.entrySet().stream().filter(e -> e.getValue().status() == status).map(Map.Entry::getKey).toList();
            return candidates.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(candidates.get(random.nextInt(candidates.size())));
        }

        private java.util.Optional<String> pickLive() {
            List<String> candidates = orders.entrySet().stream().filter(e -> holdsPlaces(e.getValue())).map(Map.Entry::getKey).toList();
            return candidates.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(candidates.get(random.nextInt(candidates.size())));
        }

        /** Sends a command; answers its result or the refusal (anything else is a bug and fails). Then follows the events. */
        private Object act(String what, Object command) {
            log.add(what);
            Object outcome;
            try {
                outcome = axon.commandGateway().sendAndWait(command);
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null && !(cause instanceof RejectedException)) {
                    cause = cause.getCause();
                }
                if (!(cause instanceof RejectedException)) {
                    throw e;
                }
                log.add("  refused: " + cause.getMessage());
                outcome = cause;
            }
            follow();
            return outcome;
        }

        private void follow() {
            for (String id : new ArrayList<>(orders.keySet())) {
                read(id);
            }
        }

        /** A new order, if its placing was accepted: the model learns it from its first event. */
        private void learn(String id) {
            axon.eventStore().readEvents(id).asStream().findFirst().ifPresent(message -> {
                OrderPlaced placed = (OrderPlaced) message.getPayload();
                orders.put(id, new Live(placed.status(), placed.rentalPeriod()));
                eventsSeen.put(id, 0L);
                read(id);
            });
        }

        private void read(String id) {
            long seen = eventsSeen.getOrDefault(id, -1L);
            axon.eventStore().readEvents(id, seen + 1).asStream().forEach(message -> {
                Live order = orders.get(id);
                Object event = message.getPayload();
                if (event instanceof OrderConfirmed) {
                    order = new Live(OrderStatus.CONFIRMED, order.period());
                } else if (event instanceof OrderCancelled) {
                    order = new Live(OrderStatus.CANCELLED, order.period());
                } else if (event instanceof OrderCompleted) {
                    order = new Live(OrderStatus.COMPLETED, order.period());
                } else if (event instanceof com.orderdesk.shared.order.event.OrderMarkedNoShow) {
                    order = new Live(OrderStatus.NO_SHOW, order.period());
                } else if (event instanceof OrderRescheduled moved) {
                    order = new Live(order.status(), moved.to());
                }
                orders.put(id, order);
                eventsSeen.put(id, message.getSequenceNumber());
            });
        }

        private void check() {
            Instant from = MONDAY.minusDays(3).atStartOfDay(ZONE).toInstant();
            Instant to = MONDAY.plusDays(4).atStartOfDay(ZONE).toInstant();
            Map<Instant, Integer> expected = new HashMap<>();
            for (Map.Entry<String, Live> order : orders.entrySet()) {
                if (holdsPlaces(order.getValue())) {
                    SpaceHolds.hoursOf(order.getValue().period(), ZONE).forEach(hour -> expected.merge(hour, 1, Integer::sum));
                }
                boolean holding = table.holdsAny(order.getKey());
                if (holding != holdsPlaces(order.getValue())) {
                    throw new AssertionError("order " + order.getKey() + " is " + order.getValue().status() + " but "
                            + (holding ? "holds places" : "holds none"));
                }
            }
            Map<Instant, Integer> held = holds.held(service.id(), from, to);
            if (!held.equals(expected)) {
                throw new AssertionError("held " + held + " but the live orders hold " + expected);
            }
            held.forEach((hour, count) -> {
                if (count > CAPACITY) {
                    throw new AssertionError(count + " places held at " + LocalDateTime.ofInstant(hour, ZONE) + " of " + CAPACITY);
                }
            });
            for (SpaceHolds.Slot slot : holds.availability(service, MONDAY.minusDays(2), MONDAY.plusDays(2))) {
                int free = CAPACITY - expected.getOrDefault(slot.start(), 0);
                if (slot.free() != free) {
                    throw new AssertionError("availability at " + LocalDateTime.ofInstant(slot.start(), ZONE) + " says " + slot.free()
                            + " free, the live orders leave " + free);
                }
            }
        }

        private static String local(RentalPeriod period) {
            return LocalDateTime.ofInstant(period.start(), ZONE) + "–" + LocalDateTime.ofInstant(period.end(), ZONE).toLocalTime();
        }
    }
}
