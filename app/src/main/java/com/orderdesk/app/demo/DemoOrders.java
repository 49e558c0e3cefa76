package com.orderdesk.app.demo;

import java.time.Clock;
import com.orderdesk.command.catalog.Catalog;
import com.orderdesk.shared.order.PaymentMethod;
import com.orderdesk.shared.order.PaymentPlan;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.order.command.PlaceOrder;
import com.orderdesk.shared.order.command.PostMessage;
import com.orderdesk.shared.order.command.RecordGatewayPayment;
import com.orderdesk.shared.order.command.RecordManagerPayment;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Applicant;
import com.orderdesk.shared.value.Channel;
import com.orderdesk.shared.value.Money;
import com.orderdesk.shared.value.Person;
import com.orderdesk.shared.value.Phone;
import com.orderdesk.shared.value.RentalPeriod;
import com.orderdesk.shared.value.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static com.orderdesk.shared.audit.Attribution.sentBy;

/**
 * Demo orders, placed once through the same commands as any client's: the seed's order (ticket 207, Алексей
 * Трошков, 4 × 100 ₽, paid through the gateway), a desk order with 400 ₽ to pay, a partly paid one and a
 * guest's order awaiting online payment, all at «Коворкинг на 2 этаже»; and a meeting room booked at its own desk, which
 * only its manager ({@code manager2}) and auditors see. Fixed ids, so a restart places nothing twice.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "orderdesk.demo.seed-orders", havingValue = "true")
class DemoOrders implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);
    static final String SEED_ORDER = "6d2b2f6a-1006-4313-9c1e-000000000207";
    static final String DESK_ORDER = "6d2b2f6a-1006-4313-9c1e-000000000208";
    static final String PARTLY_PAID_ORDER = "6d2b2f6a-1006-4313-9c1e-000000000209";
    static final String AWAITING_ORDER = "6d2b2f6a-1006-4313-9c1e-000000000210";
    static final String OTHER_GUEST_ORDER = "6d2b2f6a-1006-4313-9c1e-000000000211";
    static final String MEETING_ROOM_ORDER = "6d2b2f6a-1006-4313-9c1e-000000000212";
    private static final ZoneId PERM = ZoneId.of("Asia/Yekaterinburg");

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Clock clock;
    private final Catalog catalog;

    DemoOrders(CommandGateway commands, EventStore eventStore, Clock clock, Catalog catalog) {
        this.clock = clock;
        this.catalog = catalog;
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (eventStore.lastSequenceNumberFor(SEED_ORDER).isPresent()) {
            return;
        }
        Actor importer = new Actor("demo-import", "Демо-данные", Role.SYSTEM, Channel.SYSTEM);
        Actor manager = new Actor("manager", "Ирина Соколова", Role.RENTAL_MANAGER, Channel.DESK);
        Person troshkov = new Person("Алексей Трошков", Phone.parse("+7 342 254-54-54"));
        Applicant troshkovApplicant = new Applicant("Алексей Трошков", Applicant.GUEST_ROLE, troshkov.phone());

        // the seed: 11 August 2023, 16:00–20:00 in Perm, paid 400 ₽ through the gateway at 13:32
        commands.sendAndWait(sentBy(importer, new PlaceOrder(SEED_ORDER, "coworking-2nd-floor", "standard",
                period(LocalDate.of(2023, 8, 11), 16, 20), "207", troshkov, troshkovApplicant,
                PaymentPlan.FULL, "guest")));
        commands.sendAndWait(sentBy(Actor.system(Channel.GATEWAY), new RecordGatewayPayment(SEED_ORDER, "demo-gateway-1006313",
                Money.ofRubles(400), PaymentMethod.BANK_CARD, ZonedDateTime.of(2023, 8, 11, 13, 32, 0, 0, PERM).toInstant())));

        LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), PERM).plusDays(1);
        Person orlova = new Person("Светлана Орлова", Phone.parse("+7 912 555-12-34"));
        commands.sendAndWait(sentBy(manager, new PlaceOrder(DESK_ORDER, "coworking-2nd-floor", "standard", period(tomorrow, 10, 14),
                "208", orlova, new Applicant(orlova.name(), Applicant.GUEST_ROLE, orlova.phone()),
                PaymentPlan.PARTIAL, null)));

        Person kim = new Person("Денис Ким", Phone.parse("8 (922) 300-40-50"));
        commands.sendAndWait(sentBy(manager, new PlaceOrder(PARTLY_PAID_ORDER, "coworking-2nd-floor", "standard", period(tomorrow, 9, 17),
                "209", kim, new Applicant(kim.name(), Applicant.GUEST_ROLE, kim.phone()), PaymentPlan.PARTIAL, null)));
        commands.sendAndWait(sentBy(manager, new RecordManagerPayment(PARTLY_PAID_ORDER, "demo-desk-209", Money.ofRubles(200),
                PaymentMethod.CASH, "Предоплата наличными", null)));
        commands.sendAndWait(sentBy(manager, new PostMessage(PARTLY_PAID_ORDER, "demo-message-209", Visibility.INTERNAL,
                "Гость попросил место у окна.", null)));

        Actor guest = new Actor("guest", "Алексей Трошков", Role.GUEST, Channel.GUEST_APP);
        commands.sendAndWait(sentBy(guest, new PlaceOrder(AWAITING_ORDER, "coworking-2nd-floor", "standard", period(tomorrow.plusDays(1), 12, 15),
                "210", troshkov, troshkovApplicant, PaymentPlan.PARTIAL, null)));

        Person lebedeva = new Person("Мария Лебедева", Phone.parse("+7 902 111-22-33"));
        Actor guest2 = new Actor("guest2", "Мария Лебедева", Role.GUEST, Channel.GUEST_APP);
        commands.sendAndWait(sentBy(guest2, new PlaceOrder(OTHER_GUEST_ORDER, "coworking-2nd-floor", "standard", period(tomorrow, 18, 20),
                "211", lebedeva, new Applicant(lebedeva.name(), Applicant.GUEST_ROLE, lebedeva.phone()),
                PaymentPlan.FULL, null)));

        Actor manager2 = new Actor("manager2", "Анна Кузнецова", Role.RENTAL_MANAGER, Channel.DESK);
        Person volkov = new Person("Игорь Волков", Phone.parse("+7 343 222-33-44"));
        // the meeting room works on weekdays: its order is on the first day from tomorrow it is open at 11:00–13:00
        LocalDate meetingDay = tomorrow;
        var meetingHours = catalog.service("meeting-room-3rd-floor").orElseThrow().openingHours();
        for (int day = 0; day < 14 && (!meetingHours.isOpen(meetingDay.atTime(11, 0)) || !meetingHours.isOpen(meetingDay.atTime(12, 0))); day++) {
            meetingDay = meetingDay.plusDays(1);
        }
        commands.sendAndWait(sentBy(manager2, new PlaceOrder(MEETING_ROOM_ORDER, "meeting-room-3rd-floor", "standard",
                period(meetingDay, 11, 13), "П-12", volkov, new Applicant(volkov.name(), "Арендатор", volkov.phone()),
                PaymentPlan.FULL, null)));
        log.info("Demo orders placed: the seed's order 1006313, four more at the coworking and one in the meeting room");
    }

    private static RentalPeriod period(LocalDate day, int fromHour, int toHour) {
        return new RentalPeriod(LocalDateTime.of(day, LocalTime.of(fromHour, 0)).atZone(PERM).toInstant(),
                LocalDateTime.of(day, LocalTime.of(toHour, 0)).atZone(PERM).toInstant());
    }
}
