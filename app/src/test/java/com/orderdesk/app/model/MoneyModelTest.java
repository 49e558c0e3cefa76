package com.orderdesk.app.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.command.catalog.TestCatalogs;
import com.orderdesk.command.order.Order;
import com.orderdesk.command.order.OrderNumbers;
import com.orderdesk.payment.gateway.GatewayProperties;
import com.orderdesk.payment.gateway.PaymentGateway;
import com.orderdesk.payment.gateway.GatewayFacts;
import com.orderdesk.payment.saga.KnownPayments;
import com.orderdesk.payment.receipt.ReceiptProperties;
import com.orderdesk.query.detail.OrderDetail;
import com.orderdesk.query.detail.OrderDetailFold;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.command.CancelOrder;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.command.RecordDeskRefund;
import com.orderdesk.shared.order.command.RecordManagerPayment;
import com.orderdesk.shared.order.command.RequestOnlinePayment;
import com.orderdesk.shared.order.event.DeskRefundRecorded;
import com.orderdesk.shared.order.event.GatewayPaymentAuthorized;
import com.orderdesk.shared.order.event.GatewayPaymentCanceled;
import com.orderdesk.shared.order.event.GatewayPaymentRecorded;
import com.orderdesk.shared.order.event.GatewayRefundFailed;
import com.orderdesk.shared.order.event.GatewayRefundRecorded;
import com.orderdesk.shared.order.event.ManagerPaymentRecorded;
import com.orderdesk.shared.order.event.OrderCancelled;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.OrderNumber;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.Phone;
import com.orderdesk.shared.value.RentalPeriod;
import com.orderdesk.shared.value.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.SimpleResourceInjector;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static com.orderdesk.shared.audit.Attribution.sentBy;

/**
 * The model-based test of money (issue 11): random sequences of desk payments, online payment requests, gateway
 * outcomes (authorize, decline, duplicate, reordered and lost notifications, outages), cancellations by guest and
 * manager, desk and dashboard refunds, deadlines and saga reloads — run against the real {@link Order} aggregate and
 * the real payment, refund and receipt sagas (their state serialized to JSON between messages, as the saga store keeps it) over a
 * YooKassa-shaped {@link FakeGateway}. After each sequence, with everything delivered and every deadline passed:
 * money the gateway took equals money recorded; refunds per payment never exceed it; the remainder is 0 or at
 * least the minimum after every payment; what the business holds equals what it keeps plus what it owes; and
 * nothing owed to the guest is left without a pending refund or a visible failure.
 *
 * <p>1 000 sequences in the default run; 20 000 with {@code mvn -pl app -am verify -Pmodel} (or any number with
 * {@code -Dorderdesk.model.sequences=N});
 * a failure prints its seed: {@code -Dorderdesk.model.seed=<seed> -Dorderdesk.model.sequences=1} replays it.
 */
class MoneyModelTest {
    private static final int SEQUENCES = Integer.getInteger("orderdesk.model.sequences", 1_000);
    private static final long SEED = Long.getLong("orderdesk.model.seed", 20_261_130L);
    private static final int STEPS = 40;
    private static final ZoneId ZONE = ZoneId.of("Asia/Yekaterinburg");
    private static final Money MINIMUM = Money.ofRubles(50);
    private static final Actor MANAGER = new Actor("manager", "Ирина Соколова", Role.RENTAL_MANAGER, Channel.DESK);
    private static final Actor GUEST = new Actor("guest", "Алексей Трошков", Role.GUEST, Channel.GUEST_APP);
    private static final Person VISITOR = new Person("Алексей Трошков", Phone.parse("+7 342 254-54-54"));
    private static final Applicant APPLICANT = new Applicant("Алексей Трошков", "Гость локации", Phone.parse("+7 342 254-54-54"));

    /** The one clock of the model's world: the stub deadline manager's time, which the sequences move. */
    private static final Clock CLOCK = ((java.time.InstantSource) () -> MoneyModelTest.deadlines.getCurrentDateTime()).withZone(ZoneOffset.UTC);

    private static Instant time = Instant.parse("2030-01-01T00:00:00Z");
    private static StubDeadlineManager deadlines;
    private static FakeGateway gateway;
    private static Configuration axon;
    private static CommandGateway commands;
    /** The payment module's sagas (payments, refunds, receipts), as their one processor runs them. */
    private static List<AnnotatedSagaManager<?>> sagas;
    private static Catalog catalog;
    private static OrderNumbers orderNumbers;

    @BeforeAll
    static void world() {
        catalog = TestCatalogs.coworking().vatCode(11).catalog();
        AtomicLong numbers = new AtomicLong(1_000_000);
        Map<String, OrderNumber> allocated = new HashMap<>();
        orderNumbers = new OrderNumbers() {
            @Override
            public OrderNumber allocate(String orderId) {
                return allocated.computeIfAbsent(orderId, id -> new OrderNumber(String.valueOf(numbers.incrementAndGet())));
            }
        };
    }

    /** A fresh world for every sequence: event store, gateway, deadlines and saga store (time goes on). */
    private static void freshWorld() {
        if (axon != null) {
            axon.shutdown();
            time = deadlines.getCurrentDateTime();
        }
        deadlines = new StubDeadlineManager(time);
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Order.class)
                .registerComponent(Catalog.class, c -> catalog)
                .registerComponent(OrderNumbers.class, c -> orderNumbers)
                .registerComponent(com.orderdesk.command.order.RentalDeadlines.class, c -> (orderId, deadline, period, at) -> { })
                .registerComponent(Clock.class, c -> CLOCK)
                .registerComponent(com.orderdesk.command.space.SpaceHolds.class,
                        c -> new com.orderdesk.command.space.SpaceHolds(new com.orderdesk.command.space.InMemoryHoldTable()))
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
        gateway = new FakeGateway();
        KnownPayments knownPayments = KnownPayments.inMemory();
        GatewayProperties settings = new GatewayProperties("http://gateway", "shop", "secret", "/my/orders/{orderId}",
                Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMillis(1));
        SimpleResourceInjector resources = new SimpleResourceInjector(gateway, commands, deadlines, settings, knownPayments, CLOCK,
                new ReceiptProperties(true, 1, ReceiptProperties.SettlementOn.COMPLETION, false, Duration.ofSeconds(2),
                        Duration.ofMinutes(5), 40));
        sagas = com.orderdesk.payment.PaymentConfiguration.SAGAS.stream().<AnnotatedSagaManager<?>>map(type -> manager(type, resources))
                .toList();
    }

    private static <S> AnnotatedSagaManager<S> manager(Class<S> type, SimpleResourceInjector resources) {
        AnnotatedSagaRepository<S> repository = AnnotatedSagaRepository.<S>builder().sagaType(type).sagaStore(new JsonSagaStore())
                .resourceInjector(resources).build();
        return AnnotatedSagaManager.<S>builder().sagaType(type).sagaRepository(repository)
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build();
    }

    @AfterAll
    static void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void moneyIsNeverLostDoubledOrLeftOwedWithoutTrace() {
        Random seeds = new Random(SEED);
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = SEQUENCES == 1 ? SEED : seeds.nextLong();
            freshWorld();
            Sequence sequence = new Sequence(seed);
            try {
                sequence.run();
                sequence.check();
            } catch (Throwable failure) {
                throw new AssertionError("Money model: sequence " + i + " failed; replay it with -Dorderdesk.model.seed=" + seed
                        + " -Dorderdesk.model.sequences=1\nSteps:\n  " + String.join("\n  ", sequence.log) + "\nEvents:\n  "
                        + String.join("\n  ", sequence.events.stream().map(e -> e.getSequenceNumber() + " " + e.getPayload()).toList()), failure);
            }
        }
    }

    /** One order's life: random steps, then everything delivered and every deadline passed, then the checks. */
    private static final class Sequence {
        final Random random;
        final String orderId = UUID.randomUUID().toString();
        final List<String> log = new ArrayList<>();
        final List<DomainEventMessage<?>> events = new ArrayList<>();
        final List<FakeGateway.Notification> inFlight = new ArrayList<>();
        int steps;

        Sequence(long seed) {
            this.random = new Random(seed);
        }

        void run() {
            place();
            for (steps = 0; steps < STEPS && !events.isEmpty(); steps++) {
                step();
            }
            settle();
        }

        private void place() {
            boolean online = random.nextInt(3) > 0;
            // whole hours (the zone's offset is whole hours too), from the next hour to three days on
            Instant start = now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1L + random.nextInt(24 * 3)));
            long hours = 1 + random.nextInt(6);
            PlaceOrder place = new PlaceOrder(orderId, "coworking-2nd-floor", "standard",
                    new RentalPeriod(start, start.plus(Duration.ofHours(hours))), "207", VISITOR, APPLICANT,
                    random.nextBoolean() ? PaymentPlan.PARTIAL : PaymentPlan.FULL, online ? null : "guest");
            log.add("place " + (online ? "online" : "at the desk") + ", " + hours + " h, " + place.paymentPlan() + ", starts " + start);
            command(sentBy(online ? GUEST : MANAGER, place));
        }

        private void step() {
            OrderDetail order = detail();
            int dice = random.nextInt(100);
            if (dice < 14) {
                deskPayment(order);
            } else if (dice < 22) {
                log.add("guest asks to pay online");
                command(sentBy(GUEST, new RequestOnlinePayment(orderId, "pay-" + steps)));
            } else if (dice < 34) {
                pendingPayment().ifPresent(p -> {
                    log.add("guest pays " + p + " on the gateway's page");
                    gateway.authorize(p);
                });
            } else if (dice < 38) {
                pendingPayment().ifPresent(p -> {
                    log.add("guest declines " + p);
                    gateway.decline(p);
                });
            } else if (dice < 58) {
                deliverSome();
            } else if (dice < 63) {
                Money refund = switch (random.nextInt(4)) {
                    case 0 -> Money.ZERO;
                    case 1 -> order.paid().isPositive() ? Money.ofMinor(1 + random.nextInt((int) order.paid().minor())) : null;
                    case 2 -> order.paid().plus(Money.ofMinor(1));
                    default -> null;
                };
                log.add("manager cancels, refund " + refund);
                command(sentBy(MANAGER, new CancelOrder(orderId, "Отмена", null, refund)));
            } else if (dice < 66) {
                log.add("guest cancels");
                command(sentBy(GUEST, new CancelOrder(orderId, "Гость отменил", null, null)));
            } else if (dice < 72) {
                if (order.refundDue().isPositive()) {
                    Money amount = Money.ofMinor(1 + random.nextInt((int) order.refundDue().minor()));
                    log.add("manager refunds " + amount + " at the desk");
                    command(sentBy(MANAGER, new RecordDeskRefund(orderId, "r-" + steps, amount, PaymentMethod.CASH, null)));
                }
            } else if (dice < 84) {
                Duration by = Duration.ofMinutes(1 + random.nextInt(random.nextBoolean() ? 5 : 20));
                log.add("time passes: " + by);
                advance(by);
            } else if (dice < 90) {
                int calls = 1 + random.nextInt(3);
                log.add("gateway down for " + calls + " call(s)");
                gateway.outage(calls);
            } else if (dice < 93) {
                // the case: someone at the business returns money in the gateway's dashboard on a live order
                if (order.cancellation() == null && order.refundDue().isZero()) {
                    dashboardRefund();
                }
            } else if (dice < 97) {
                // issue 27: the order moves — dearer, cheaper or the same — by the manager or the guest
                Instant start = now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1L + random.nextInt(24 * 3)));
                long hours = 1 + random.nextInt(6);
                Actor who = random.nextBoolean() ? MANAGER : GUEST;
                log.add((who == GUEST ? "guest" : "manager") + " moves the order to " + hours + " h from " + start);
                command(sentBy(who, new com.orderdesk.shared.order.command.RescheduleOrder(orderId,
                        new RentalPeriod(start, start.plus(Duration.ofHours(hours))), null, null)));
            } else {
                log.add("the saga's notifications are all delivered twice, in reverse order");
                gateway.outbox.forEach(n -> inFlight.add(0, n));
                inFlight.addAll(new ArrayList<>(gateway.outbox));
                gateway.outbox.clear();
            }
        }

        private void deskPayment(OrderDetail order) {
            long remainder = order.remainder().minor();
            long amount = switch (random.nextInt(5)) {
                case 0 -> remainder;
                case 1 -> remainder - MINIMUM.minor();
                case 2 -> remainder - random.nextInt(6_000);
                case 3 -> 1 + random.nextInt(50_000);
                default -> remainder + 100;
            };
            if (amount <= 0) {
                return;
            }
            Money money = Money.ofMinor(amount);
            String id = random.nextInt(5) == 0 && !order.payments().isEmpty()
                    ? order.payments().get(random.nextInt(order.payments().size())).paymentId() : "desk-" + steps;
            log.add("manager records " + money + " as " + id);
            command(sentBy(MANAGER, new RecordManagerPayment(orderId, id, money, PaymentMethod.CASH, null, null)));
        }

        private void dashboardRefund() {
            for (FakeGateway.Payment payment : gateway.payments.values()) {
                if (orderId.equals(payment.metadata.get("orderId")) && payment.status.equals("succeeded")) {
                    Money left = payment.captured.minusOrZero(gateway.refundedOf(payment.id));
                    if (left.isPositive()) {
                        Money amount = Money.ofMinor(1 + random.nextInt((int) left.minor()));
                        log.add("someone refunds " + amount + " of " + payment.id + " in the gateway's dashboard");
                        gateway.dashboardRefund(payment.id, amount);
                        return;
                    }
                }
            }
        }

        private Optional<String> pendingPayment() {
            return gateway.payments.values().stream()
                    .filter(p -> orderId.equals(p.metadata.get("orderId")) && p.status.equals("pending"))
                    .map(p -> p.id).findFirst();
        }

        /** Hands a few notifications to the webhook: some late, some twice, payment ones sometimes lost for good. */
        private void deliverSome() {
            inFlight.addAll(gateway.outbox);
            gateway.outbox.clear();
            if (inFlight.isEmpty()) {
                return;
            }
            FakeGateway.Notification next = inFlight.remove(random.nextInt(inFlight.size()));
            int fate = random.nextInt(10);
            if (fate < 2 && next.event().startsWith("payment.")) {
                log.add("notification " + next + " lost");
                return;
            }
            if (fate == 2) {
                inFlight.add(next);
            }
            log.add("notification " + next + " delivered");
            deliver(next);
        }

        /** What the webhook's inbox does: ask the gateway, record what it says (never what the body says). */
        private void deliver(FakeGateway.Notification notification) {
            try {
                if (notification.event().startsWith("payment.")) {
                    PaymentGateway.GatewayPayment payment = gateway.getPayment(notification.objectId());
                    GatewayFacts.commandFor(payment.metadata().get("orderId"), payment).ifPresent(this::command);
                } else {
                    PaymentGateway.GatewayRefund refund = gateway.getRefund(notification.objectId());
                    String order = gateway.getPayment(refund.paymentId()).metadata().get("orderId");
                    command(GatewayFacts.commandFor(order, refund));
                }
            } catch (PaymentGateway.GatewayUnavailableException outage) {
                inFlight.add(notification); // the inbox tries again later
            }
        }

        /** Everything in flight delivered, outages over, every deadline passed — until nothing moves any more. */
        private void settle() {
            gateway.outage(0);
            for (int round = 0; round < 30; round++) {
                inFlight.addAll(gateway.outbox);
                gateway.outbox.clear();
                List<FakeGateway.Notification> now = new ArrayList<>(inFlight);
                inFlight.clear();
                now.forEach(this::deliver);
                advance(Duration.ofMinutes(10));
                if (inFlight.isEmpty() && gateway.outbox.isEmpty() && deadlines.getScheduledDeadlines().isEmpty()) {
                    return;
                }
            }
            throw new AssertionError("Nothing settles: in flight " + inFlight + ", deadlines " + deadlines.getScheduledDeadlines());
        }

        private void advance(Duration by) {
            deadlines.advanceTimeBy(by, (scope, message) -> {
                ResultMessage<?> result = DefaultUnitOfWork.startAndGet(message).executeWithResult(() -> {
                    for (AnnotatedSagaManager<?> manager : sagas) {
                        if (manager.canResolve(scope)) {
                            manager.send(message, scope);
                        }
                    }
                    return null;
                });
                if (result.isExceptional()) {
                    throw new AssertionError("A deadline failed", result.exceptionResult());
                }
                pump();
            });
        }

        /** Sends a command as the desk, the guest or the inbox would; a typed refusal is an answer, anything else a bug. */
        private void command(Object command) {
            try {
                commands.sendAndWait(command);
            } catch (RuntimeException e) {
                if (!isRefusal(e)) {
                    throw e;
                }
                log.add("  refused: " + e.getMessage());
            }
            pump();
        }

        private static boolean isRefusal(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RejectedException || t instanceof InvalidValueException) {
                    return true;
                }
            }
            return false;
        }

        /** Hands every new event of the order to the saga, as its event processor would, until there are none. */
        private void pump() {
            while (true) {
                List<? extends DomainEventMessage<?>> fresh = axon.eventStore().readEvents(orderId, events.size()).asStream().toList();
                if (fresh.isEmpty()) {
                    return;
                }
                for (DomainEventMessage<?> event : fresh) {
                    events.add(event);
                    ResultMessage<?> result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                        for (AnnotatedSagaManager<?> manager : sagas) {
                            manager.handle(event, Segment.ROOT_SEGMENT);
                        }
                        return null;
                    });
                    if (result.isExceptional()) {
                        throw new AssertionError("The saga failed on " + event.getPayloadType().getSimpleName(), result.exceptionResult());
                    }
                }
            }
        }

        private OrderDetail detail() {
            OrderDetailFold fold = new OrderDetailFold();
            for (DomainEventMessage<?> event : events) {
                fold.apply((com.orderdesk.shared.order.event.OrderEvent) event.getPayload(), event.getSequenceNumber());
            }
            return fold.toDetail();
        }

        private static Instant now() {
            return deadlines.getCurrentDateTime();
        }

        // --- the invariants ---

        void check() {
            Map<String, Money> recorded = new LinkedHashMap<>();
            Map<String, Money> refundedRecorded = new HashMap<>();
            Map<String, Money> reserved = new HashMap<>();
            Money deskIn = Money.ZERO;
            Money deskOut = Money.ZERO;
            Money deskRefundDue = Money.ZERO;
            Money refundDecided = null;
            boolean cancelled = false;
            for (DomainEventMessage<?> message : events) {
                Object event = message.getPayload();
                if (event instanceof GatewayPaymentAuthorized e && e.toCapture().isPositive()) {
                    reserved.put(e.paymentId(), e.toCapture());
                } else if (event instanceof GatewayPaymentCanceled e) {
                    reserved.remove(e.gatewayPaymentId());
                } else if (event instanceof ManagerPaymentRecorded e) {
                    deskIn = deskIn.plus(e.amount());
                    Money open = e.remainderAfter().minusOrZero(sum(reserved));
                    assertRule(open, "after desk payment " + e.paymentId());
                } else if (event instanceof GatewayPaymentRecorded e) {
                    if (recorded.put(e.paymentId(), e.amount()) != null) {
                        throw new AssertionError("Gateway payment " + e.paymentId() + " recorded twice");
                    }
                    reserved.remove(e.paymentId());
                    if (!cancelled && reserved.isEmpty()) {
                        assertRule(e.remainderAfter(), "after gateway payment " + e.paymentId());
                    }
                } else if (event instanceof GatewayRefundRecorded e) {
                    refundedRecorded.merge(e.gatewayPaymentId(), e.amount(), Money::plus);
                    if (refundedRecorded.get(e.gatewayPaymentId()).isGreaterThan(recorded.get(e.gatewayPaymentId()))) {
                        throw new AssertionError("Refunds of " + e.gatewayPaymentId() + " exceed it");
                    }
                    deskRefundDue = deskRefundDue.isGreaterThan(e.refundDueAfter()) ? e.refundDueAfter() : deskRefundDue;
                } else if (event instanceof OrderCancelled e) {
                    cancelled = true;
                    deskRefundDue = e.deskRefundDue();
                    refundDecided = e.refundDecided();
                } else if (event instanceof GatewayRefundFailed e) {
                    deskRefundDue = e.deskRefundDueAfter();
                } else if (event instanceof com.orderdesk.shared.order.event.OrderRescheduled e) {
                    deskRefundDue = e.deskRefundDueAfter();
                } else if (event instanceof DeskRefundRecorded e) {
                    deskOut = deskOut.plus(e.amount());
                    deskRefundDue = deskRefundDue.minusOrZero(e.amount());
                }
            }
            // money the gateway took is money recorded, payment by payment, to the kopeck
            Money gatewayIn = Money.ZERO;
            Money gatewayOut = Money.ZERO;
            for (FakeGateway.Payment payment : gateway.payments.values()) {
                if (!orderId.equals(payment.metadata.get("orderId"))) {
                    continue;
                }
                if (payment.status.equals("succeeded")) {
                    gatewayIn = gatewayIn.plus(payment.captured);
                    gatewayOut = gatewayOut.plus(gateway.refundedOf(payment.id));
                    if (!payment.captured.equals(recorded.get(payment.id))) {
                        throw new AssertionError("The gateway took " + payment.captured + " as " + payment.id + ", the order recorded "
                                + recorded.get(payment.id));
                    }
                    if (!gateway.refundedOf(payment.id).equals(refundedRecorded.getOrDefault(payment.id, Money.ZERO))) {
                        throw new AssertionError("The gateway refunded " + gateway.refundedOf(payment.id) + " of " + payment.id
                                + ", the order recorded " + refundedRecorded.get(payment.id));
                    }
                } else if (recorded.containsKey(payment.id)) {
                    throw new AssertionError("Payment " + payment.id + " is " + payment.status + " at the gateway but recorded");
                }
            }
            if (!reserved.isEmpty()) {
                throw new AssertionError("Captures still reserved after everything settled: " + reserved);
            }
            // 54-ФЗ: every receipt's positions add up to exactly the money it goes with, and no money moved without one
            if (!gateway.receiptViolations.isEmpty()) {
                throw new AssertionError("Receipts: " + gateway.receiptViolations);
            }
            for (FakeGateway.Payment payment : gateway.payments.values()) {
                if (orderId.equals(payment.metadata.get("orderId")) && payment.status.equals("succeeded")
                        && (payment.receipt == null || !payment.receipt.total().equals(payment.captured))) {
                    throw new AssertionError("Payment " + payment.id + " took " + payment.captured + " with receipt "
                            + (payment.receipt == null ? "none" : "of " + payment.receipt.total()));
                }
            }
            // what the business holds = what it keeps + what it still owes the guest
            OrderDetail order = detail();
            long heldMinor = gatewayIn.minor() + deskIn.minor() - gatewayOut.minor() - deskOut.minor();
            if (heldMinor < 0) {
                throw new AssertionError("More went back to the guest than came in: " + Money.ofMinor(-heldMinor));
            }
            Money held = Money.ofMinor(heldMinor);
            Money kept = cancelled ? order.paid().minusOrZero(refundDecided == null ? order.paid() : refundDecided) : order.paid();
            if (!held.equals(kept.plus(order.refundDue()))) {
                throw new AssertionError("Held " + held + " but kept " + kept + " + owed " + order.refundDue());
            }
            // whatever is still owed is visibly the desk's to return: no gateway refund is silently outstanding
            if (order.refundDue().isGreaterThan(deskRefundDue)) {
                throw new AssertionError("Owed " + order.refundDue() + " but only " + deskRefundDue + " is staff's to return at the desk");
            }
        }

        private static Money sum(Map<String, Money> amounts) {
            return amounts.values().stream().reduce(Money.ZERO, Money::plus);
        }

        private static void assertRule(Money remainder, String when) {
            if (remainder.isPositive() && remainder.isLessThan(MINIMUM)) {
                throw new AssertionError("Remainder " + remainder + " " + when + ": below the minimum of " + MINIMUM);
            }
        }
    }

    /** Sagas kept as JSON between messages, as the JPA saga store keeps them: every message meets a freshly read saga. */
    private static final class JsonSagaStore implements SagaStore<Object> {
        private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        private final Map<String, String> documents = new HashMap<>();
        private final Map<String, Set<AssociationValue>> associations = new HashMap<>();

        @Override
        public Set<String> findSagas(Class<?> sagaType, AssociationValue value) {
            Set<String> found = new HashSet<>();
            associations.forEach((id, values) -> {
                if (values.contains(value)) {
                    found.add(id);
                }
            });
            return found;
        }

        @Override
        public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaId) {
            String document = documents.get(sagaId);
            if (document == null) {
                return null;
            }
            try {
                S saga = json.readValue(document, sagaType);
                Set<AssociationValue> values = Set.copyOf(associations.get(sagaId));
                return new Entry<>() {
                    @Override
                    public Set<AssociationValue> associationValues() {
                        return values;
                    }

                    @Override
                    public S saga() {
                        return saga;
                    }
                };
            } catch (Exception e) {
                throw new IllegalStateException("Saga " + sagaId + " does not read back", e);
            }
        }

        @Override
        public void deleteSaga(Class<?> sagaType, String sagaId, Set<AssociationValue> values) {
            documents.remove(sagaId);
            associations.remove(sagaId);
        }

        @Override
        public void insertSaga(Class<?> sagaType, String sagaId, Object saga, Set<AssociationValue> values) {
            store(sagaId, saga, values);
        }

        @Override
        public void updateSaga(Class<?> sagaType, String sagaId, Object saga, AssociationValues values) {
            store(sagaId, saga, values.asSet());
        }

        private void store(String sagaId, Object saga, Set<AssociationValue> values) {
            try {
                documents.put(sagaId, json.writeValueAsString(saga));
                associations.put(sagaId, new HashSet<>(values));
            } catch (Exception e) {
                throw new IllegalStateException("Saga " + sagaId + " does not serialize", e);
            }
        }
    }
}
