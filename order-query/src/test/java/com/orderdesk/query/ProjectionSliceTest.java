package com.orderdesk.query;

import com.orderdesk.query.readmodel.ReadModelPath;
import com.orderdesk.query.readmodel.ReadModelRegistration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration;
import com.orderdesk.query.detail.OrderDetail;
import com.orderdesk.query.detail.OrderDetailFold;
import com.orderdesk.query.detail.OrderDetails;
import com.orderdesk.query.list.OrderList;
import com.orderdesk.query.list.OrderListCriteria;
import com.orderdesk.query.list.OrderSummary;
import com.orderdesk.query.readmodel.AppliedInline;
import com.orderdesk.query.timeline.Timeline;
import com.orderdesk.query.timeline.TimelineEntry;
import com.orderdesk.shared.order.GatewayRefundDue;
import com.orderdesk.shared.order.OrderStatus;
import com.orderdesk.shared.order.PaymentStatus;
import com.orderdesk.shared.order.Visibility;
import com.orderdesk.shared.value.Money;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.FilterType;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each projection alone, against a real database: events in, rows out. */
@DataJpaTest
@Import(ProjectionSliceTest.Projections.class)
@ImportAutoConfiguration(Jackson2AutoConfiguration.class)
class ProjectionSliceTest {
    @ComponentScan(basePackages = {"com.orderdesk.query.detail", "com.orderdesk.query.list", "com.orderdesk.query.timeline"},
            includeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = Component.class),
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*web.*"))
    static class Projections {
        @Bean
        AppliedInline appliedInline() {
            return new AppliedInline();
        }
    }

    @MockitoBean
    QueryUpdateEmitter emitter;
    @Autowired
    ApplicationContext context;
    @Autowired
    OrderDetails details;
    @Autowired
    OrderList list;
    @Autowired
    Timeline timeline;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestEntityManager entities;
    @Autowired
    ObjectMapper json;

    private final String orderId = "11111111-0000-4000-8000-000000000001";

    private static final List<String> READ_MODELS = List.of("orderDetailReadModel", "orderListReadModel", "timelineReadModel");

    /** Delivers events to a read model's projection on {@code path} through its typed handlers, as its processor would. */
    private void deliver(String readModel, ReadModelPath path, List<DomainEventMessage<?>> events) throws Exception {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(
                context.getBean(readModel, ReadModelRegistration.class).on(path));
        for (DomainEventMessage<?> event : events) {
            handlers.handle(event);
        }
    }

    private void deliver(String readModel, List<DomainEventMessage<?>> events) throws Exception {
        deliver(readModel, ReadModelPath.CATCH_UP, events);
    }

    private void deliverToAll(List<DomainEventMessage<?>> events) throws Exception {
        for (String readModel : READ_MODELS) {
            deliver(readModel, ReadModelPath.CATCH_UP, events);
        }
    }

    private void deliverInline(List<DomainEventMessage<?>> events) throws Exception {
        for (String readModel : READ_MODELS) {
            deliver(readModel, ReadModelPath.INLINE, events);
        }
    }

    private OrderLife life() {
        return new OrderLife(orderId).placedOnline("1006313", "Алексей Трошков", "+7 342 254-54-54", 4)
                .assigned("service", "Пётр Иванов")
                .gatewayPaid(100, 100, 300)
                .deskPaid(25_000, 35_000, 5_000, PaymentStatus.PARTIALLY_PAID)
                .message(Visibility.INTERNAL, "Место у окна", OrderLife.MANAGER)
                .message(Visibility.PUBLIC, "Ждём вас!", OrderLife.MANAGER)
                .cancelled("Гость передумал", 350, 250, List.of(new GatewayRefundDue("g-2", Money.ofRubles(100))))
                .deskRefunded(250, 100);
    }

    @Test
    void detailFollowsEveryEventAndEqualsAFoldOfTheWholeStream() throws Exception {
        List<DomainEventMessage<?>> events = life().events();
        deliver("orderDetailReadModel", events);

        OrderDetail projected = details.find(orderId).orElseThrow();
        OrderDetailFold fold = new OrderDetailFold();
        events.forEach(e -> fold.apply((com.orderdesk.shared.order.event.OrderEvent) e.getPayload(), e.getSequenceNumber()));
        assertThat(projected).isEqualTo(fold.toDetail());
        assertThat(projected.version()).isEqualTo(events.size() - 1);
        assertThat(projected.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(projected.paid()).isEqualTo(Money.ofRubles(350));
        assertThat(projected.refundDue()).isEqualTo(Money.ofRubles(100));
        assertThat(projected.paymentStatus()).isEqualTo(PaymentStatus.REFUND_PENDING);
        assertThat(projected.payments()).hasSize(2);
        assertThat(projected.executor().name()).isEqualTo("Пётр Иванов");
        assertThat(projected.cancellation().reason()).isEqualTo("Гость передумал");
        assertThat(projected.createdAt().getOffset().getTotalSeconds()).as("shown in Perm time").isEqualTo(5 * 3600);
    }

    @Test
    void paymentsAndRefundsAreRowsOfTheirOwnAndTheDocumentHoldsNeither() throws Exception {
        List<DomainEventMessage<?>> events = life().events();
        deliver("orderDetailReadModel", events);
        entities.flush();

        String document = jdbc.queryForObject("select document from order_detail where order_id = ?", String.class, orderId);
        assertThat(document).contains("\"payments\":[]").contains("\"refunds\":[]");
        assertThat(jdbc.queryForList("select kind from order_detail_item where order_id = ? order by kind, item_index", String.class, orderId))
                .containsExactly("PAYMENT", "PAYMENT", "REFUND");
        assertThat(details.find(orderId).orElseThrow()).isEqualTo(foldOf(events));
    }

    @Test
    void aDocumentWrittenWithItsListsKeepsThemUntilItsNextEventMovesThemOut() throws Exception {
        List<DomainEventMessage<?>> events = life().events();
        int last = events.size() - 1;
        deliver("orderDetailReadModel", events.subList(0, last));
        entities.flush();
        entities.clear();
        // as a document from before payments were rows: lists inside, no item rows, counts 0
        String whole = json.writeValueAsString(foldOf(events.subList(0, last)));
        jdbc.update("delete from order_detail_item");
        jdbc.update("update order_detail set document = ?, payment_count = 0, refund_count = 0 where order_id = ?", whole, orderId);
        assertThat(details.find(orderId).orElseThrow().payments()).as("read as it is").hasSize(2);

        deliver("orderDetailReadModel", events.subList(last, events.size()));
        entities.flush();
        assertThat(jdbc.queryForObject("select count(*) from order_detail_item where order_id = ?", Integer.class, orderId)).isEqualTo(3);
        assertThat(details.find(orderId).orElseThrow()).isEqualTo(foldOf(events));
    }

    @Test
    void redeliveredEventsChangeNothing() throws Exception {
        List<DomainEventMessage<?>> events = new OrderLife(orderId).placedOnline("1006313", "Алексей Трошков", "+73422545454", 4)
                .deskPaid(10_000, 10_000, 30_000, PaymentStatus.PARTIALLY_PAID).events();
        deliverToAll(events);
        deliverToAll(events);
        assertThat(details.find(orderId).orElseThrow().payments()).hasSize(1);
        assertThat(timeline.forStaff(orderId)).hasSize(2);
        assertThat(list.versionOf(orderId)).isEqualTo(1);
    }

    @Test
    void inlineAppliesAnOrdersNextEventAndLeavesAGapToTheCatchUpProcessor() throws Exception {
        List<DomainEventMessage<?>> events = life().events();
        deliverInline(events.subList(0, 2));
        assertThat(list.versionOf(orderId)).isEqualTo(1);
        assertThat(details.versionOf(orderId)).isEqualTo(1);
        assertThat(timeline.forStaff(orderId)).hasSize(2);

        // event 3 without event 2 (as while a replay has not reached the order): the inline path leaves it
        deliverInline(events.subList(3, 4));
        assertThat(list.versionOf(orderId)).isEqualTo(1);
        assertThat(details.versionOf(orderId)).isEqualTo(1);

        // the catch-up processor reads the order in sequence: it applies 2 and 3, and skips what is there
        deliverToAll(events.subList(0, 4));
        assertThat(list.versionOf(orderId)).isEqualTo(3);
        assertThat(details.versionOf(orderId)).isEqualTo(3);
        deliverInline(events.subList(4, events.size()));
        OrderDetail fold = foldOf(events);
        assertThat(details.find(orderId).orElseThrow()).isEqualTo(fold);
        assertThat(list.versionOf(orderId)).isEqualTo(events.size() - 1);
    }

    @Test
    void inlineLeavesAnOrderWithoutRowsAloneButTheCatchUpProcessorCallsAGapAFault() throws Exception {
        List<DomainEventMessage<?>> events = life().events();
        deliverInline(events.subList(1, 3));
        assertThat(list.versionOf(orderId)).isEqualTo(-1);
        assertThat(details.versionOf(orderId)).isEqualTo(-1);
        assertThat(timeline.forStaff(orderId)).isEmpty();

        deliver("orderListReadModel", events.subList(0, 1));
        assertThatThrownBy(() -> deliver("orderListReadModel", events.subList(2, 3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> deliver("timelineReadModel", events.subList(2, 3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no timeline");
    }

    private static OrderDetail foldOf(List<DomainEventMessage<?>> events) {
        OrderDetailFold fold = new OrderDetailFold();
        events.forEach(e -> fold.apply((com.orderdesk.shared.order.event.OrderEvent) e.getPayload(), e.getSequenceNumber()));
        return fold.toDetail();
    }

    @Test
    void listRowCarriesWhatTheListFiltersAndShows() throws Exception {
        deliverToAll(life().events());
        OrderSummary row = list.find(criteria(null, Set.of(), Set.of()), PaymentStatus::label).items().get(0);
        assertThat(row.number()).isEqualTo("1006313");
        assertThat(row.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(row.statusLabel()).isEqualTo("Отменен");
        assertThat(row.paymentStatus()).isEqualTo(PaymentStatus.REFUND_PENDING);
        assertThat(row.executorName()).isEqualTo("Пётр Иванов");
        assertThat(row.remainder()).isEqualTo(Money.ZERO);
        assertThat(row.total()).isEqualTo(Money.ofRubles(400));
    }

    @Test
    void searchMatchesNumberTicketNameInAnyCaseAndPhoneInAnyFormat() throws Exception {
        deliverToAll(new OrderLife(orderId).placedOnline("1006313", "Алексей Трошков", "+7 342 254-54-54", 4).events());
        deliverToAll(new OrderLife("22222222-0000-4000-8000-000000000002").placedOnline("1006314", "Мария Лебедева", "+7 902 111-22-33", 2).events());
        for (String q : List.of("1006313", "313", "трошков", "ТРОШ", "Алексей", "8 (342) 254-54-54", "254-54-54", "+73422545454")) {
            List<OrderSummary> found = list.find(criteria(q, Set.of(), Set.of()), PaymentStatus::label).items();
            assertThat(found).as(q).extracting(OrderSummary::number).containsExactly("1006313");
        }
        assertThat(list.find(criteria("лебедева", Set.of(), Set.of()), PaymentStatus::label).items())
                .extracting(OrderSummary::number).containsExactly("1006314");
        assertThat(list.find(criteria("%", Set.of(), Set.of()), PaymentStatus::label).items()).isEmpty();
    }

    @Test
    void timelineWritesRussianSystemLinesAndKeepsInternalFromGuests() throws Exception {
        deliverToAll(life().events());
        List<String> texts = timeline.forStaff(orderId).stream().map(TimelineEntry::text).toList();
        assertThat(texts).containsExactly(
                "Заказ 1006313 создан гостем в приложении. Ожидается оплата 100,00\u00a0₽.",
                "Исполнитель изменён: не назначен → Пётр Иванов.",
                "Поступила оплата через платёжный шлюз.",
                "Заказ подтверждён.",
                "Проведена оплата 250,00\u00a0₽ (наличные).",
                "Место у окна",
                "Ждём вас!",
                "Заказ отменён: Гость передумал. К возврату гостю: 350,00\u00a0₽.",
                "Проведён возврат 250,00\u00a0₽ (наличные).");
        List<TimelineEntry> staff = timeline.forStaff(orderId);
        assertThat(staff.get(2).author()).as("the gateway speaks as «Система»").isNull();
        assertThat(staff.get(5).kind()).isEqualTo("INTERNAL");
        assertThat(staff.get(5).author().name()).isEqualTo("Ирина Соколова");
        List<String> staffNames = List.of("Ирина Соколова", "Пётр Иванов");
        assertThat(timeline.forGuest(orderId, staffNames)).extracting(TimelineEntry::kind).doesNotContain("INTERNAL");
        assertThat(timeline.forGuest(orderId, staffNames)).extracting(TimelineEntry::text).doesNotContain("Место у окна").contains("Ждём вас!")
                .as("who works on the order is the staff's business").doesNotContain("Исполнитель изменён: не назначен → Пётр Иванов.")
                .allSatisfy(text -> assertThat(text).doesNotContain("Ирина").doesNotContain("Пётр"));
    }

    private static OrderListCriteria criteria(String q, Set<OrderStatus> statuses, Set<PaymentStatus> payments) {
        return new OrderListCriteria(statuses, payments, null, null, q, null, null, null, null,
                OrderListCriteria.SortField.CREATED_AT, false, 0, 20);
    }
}
