--
-- PostgreSQL database dump
--

\restrict mtKD8l5E2SwBwZvGYirC1PBNVoCUpbvXKsVRxHCalYQhs7DiAofWZjWZgLS3znT

-- Dumped from database version 14.22
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: public; Type: SCHEMA; Schema: -; Owner: -
--

-- *not* creating schema, since initdb creates it


--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: association_value_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.association_value_entry (
    id bigint NOT NULL,
    association_key character varying(255) NOT NULL,
    association_value character varying(255),
    saga_id character varying(255) NOT NULL,
    saga_type character varying(255)
);


--
-- Name: association_value_entry_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.association_value_entry_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: cash_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cash_entry (
    entry_id character varying(100) NOT NULL,
    order_id character varying(64) NOT NULL,
    sequence_number bigint NOT NULL,
    kind character varying(8) NOT NULL,
    order_number character varying(7) NOT NULL,
    service_id character varying(100) NOT NULL,
    service_name character varying(200) NOT NULL,
    time_zone character varying(64) NOT NULL,
    at timestamp(6) with time zone NOT NULL,
    local_date date NOT NULL,
    source character varying(16),
    method character varying(32),
    amount_minor bigint,
    by_id character varying(200),
    by_name character varying(200)
);


--
-- Name: dead_letter_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dead_letter_entry (
    enqueued_at timestamp(6) with time zone NOT NULL,
    last_touched timestamp(6) with time zone,
    processing_started timestamp(6) with time zone,
    sequence_index bigint NOT NULL,
    sequence_number bigint,
    cause_message character varying(1023),
    diagnostics bytea,
    meta_data bytea,
    payload bytea NOT NULL,
    token bytea,
    aggregate_identifier character varying(255),
    cause_type character varying(255),
    dead_letter_id character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    message_type character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    processing_group character varying(255) NOT NULL,
    sequence_identifier character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    token_type character varying(255),
    type character varying(255)
);


--
-- Name: domain_event_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.domain_event_entry (
    global_index bigint NOT NULL,
    sequence_number bigint NOT NULL,
    meta_data bytea,
    payload bytea NOT NULL,
    aggregate_identifier character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    type character varying(255)
);


--
-- Name: domain_event_global_index; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.domain_event_global_index
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: gateway_payment_ref; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.gateway_payment_ref (
    payment_id character varying(100) NOT NULL,
    order_id character varying(64) NOT NULL,
    created_at timestamp(6) with time zone NOT NULL
);


--
-- Name: idempotency_record; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_record (
    completed boolean NOT NULL,
    http_status integer,
    created_at timestamp(6) with time zone NOT NULL,
    updated_at timestamp(6) with time zone NOT NULL,
    fingerprint character varying(64) NOT NULL,
    scope_hash character varying(64) NOT NULL,
    etag character varying(100),
    content_type character varying(200),
    principal character varying(200) NOT NULL,
    location character varying(500),
    body bytea
);


--
-- Name: mail_link_secret; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mail_link_secret (
    id integer NOT NULL,
    secret character varying(128) NOT NULL
);


--
-- Name: notification_opt_out; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notification_opt_out (
    email character varying(254) NOT NULL,
    order_id character varying(64),
    at timestamp(6) with time zone NOT NULL
);


--
-- Name: notification_order; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notification_order (
    order_id character varying(64) NOT NULL,
    order_number character varying(7) NOT NULL,
    service_name character varying(200) NOT NULL,
    time_zone character varying(64) NOT NULL,
    rental_start timestamp(6) with time zone NOT NULL,
    rental_end timestamp(6) with time zone NOT NULL,
    email character varying(254),
    guest_id character varying(1000),
    email_state character varying(16) DEFAULT 'PROVEN'::character varying NOT NULL
);


--
-- Name: notification_outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notification_outbox (
    mail_id character varying(64) NOT NULL,
    dedup_key character varying(400) NOT NULL,
    order_id character varying(64) NOT NULL,
    kind character varying(50) NOT NULL,
    recipient character varying(254) NOT NULL,
    subject character varying(300) NOT NULL,
    text_body character varying(100000) NOT NULL,
    html_body character varying(100000) NOT NULL,
    status character varying(16) NOT NULL,
    send_after timestamp(6) with time zone NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp(6) with time zone NOT NULL,
    claimed_by character varying(100),
    claimed_until timestamp(6) with time zone,
    last_error character varying(1000),
    sent_at timestamp(6) with time zone,
    created_at timestamp(6) with time zone NOT NULL,
    recipient_key character varying(320)
);


--
-- Name: operator_action; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.operator_action (
    at timestamp(6) with time zone NOT NULL,
    actor_role character varying(32) NOT NULL,
    channel character varying(32) NOT NULL,
    id character varying(36) NOT NULL,
    action character varying(64) NOT NULL,
    trace_id character varying(64),
    actor_id character varying(200) NOT NULL,
    actor_name character varying(200) NOT NULL,
    subject character varying(200)
);


--
-- Name: order_detail; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.order_detail (
    number character varying(7) NOT NULL,
    version bigint NOT NULL,
    order_id character varying(64) NOT NULL,
    guest_id character varying(1000),
    document character varying(1000000) NOT NULL,
    payment_count integer DEFAULT 0 NOT NULL,
    refund_count integer DEFAULT 0 NOT NULL
);


--
-- Name: order_detail_item; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.order_detail_item (
    item_id character varying(100) NOT NULL,
    order_id character varying(64) NOT NULL,
    kind character varying(8) NOT NULL,
    item_index integer NOT NULL,
    item character varying(20000) NOT NULL
);


--
-- Name: order_number; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.order_number (
    number bigint NOT NULL,
    order_id character varying(64) NOT NULL
);


--
-- Name: order_number_counter; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.order_number_counter (
    id integer NOT NULL,
    last_number bigint NOT NULL
);


--
-- Name: order_summary; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.order_summary (
    due_date date NOT NULL,
    number character varying(7) NOT NULL,
    created_at timestamp(6) with time zone NOT NULL,
    remainder_minor bigint NOT NULL,
    total_minor bigint NOT NULL,
    version bigint NOT NULL,
    phone_digits character varying(20) NOT NULL,
    payment_status character varying(32) NOT NULL,
    status character varying(32) NOT NULL,
    ticket_lower character varying(128),
    ticket_number character varying(128),
    order_id character varying(64) NOT NULL,
    time_zone character varying(64) NOT NULL,
    service_id character varying(100) NOT NULL,
    executor_id character varying(1000),
    executor_name character varying(1000),
    guest_id character varying(1000),
    service_name character varying(200) NOT NULL,
    visitor_name character varying(1000) NOT NULL,
    visitor_name_lower character varying(1000) NOT NULL,
    rental_start timestamp(6) with time zone,
    rental_end timestamp(6) with time zone
);


--
-- Name: payment_inbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.payment_inbox (
    attempts integer NOT NULL,
    deliveries integer NOT NULL,
    claimed_until timestamp(6) with time zone,
    next_attempt_at timestamp(6) with time zone NOT NULL,
    processed_at timestamp(6) with time zone,
    received_at timestamp(6) with time zone NOT NULL,
    event character varying(64) NOT NULL,
    object_id character varying(100) NOT NULL,
    notification_key character varying(250) NOT NULL,
    outcome character varying(500),
    body character varying(100000) NOT NULL,
    priority integer DEFAULT 1 NOT NULL
);


--
-- Name: projection_control; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.projection_control (
    projection character varying(64) NOT NULL,
    state character varying(16) NOT NULL,
    requested_by character varying(500),
    requested_at timestamp(6) with time zone NOT NULL
);


--
-- Name: saga_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.saga_entry (
    serialized_saga bytea,
    revision character varying(255),
    saga_id character varying(255) NOT NULL,
    saga_type character varying(255)
);


--
-- Name: scheduled_tasks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.scheduled_tasks (
    task_name character varying(100) NOT NULL,
    task_instance character varying(100) NOT NULL,
    task_data bytea,
    execution_time timestamp with time zone NOT NULL,
    picked boolean NOT NULL,
    picked_by character varying(50),
    last_success timestamp with time zone,
    last_failure timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat timestamp with time zone,
    version bigint NOT NULL,
    priority smallint
);


--
-- Name: snapshot_event_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.snapshot_event_entry (
    sequence_number bigint NOT NULL,
    meta_data bytea,
    payload bytea NOT NULL,
    aggregate_identifier character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    type character varying(255) NOT NULL
);


--
-- Name: space_hold; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.space_hold (
    service_id character varying(100) NOT NULL,
    hour_start timestamp(6) with time zone NOT NULL,
    place integer NOT NULL,
    order_id character varying(36) NOT NULL
);


--
-- Name: timeline_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.timeline_entry (
    at timestamp(6) with time zone NOT NULL,
    sequence_number bigint NOT NULL,
    kind character varying(16) NOT NULL,
    author_role character varying(32),
    order_id character varying(64) NOT NULL,
    time_zone character varying(64) NOT NULL,
    entry_id character varying(100) NOT NULL,
    author_id character varying(1000),
    author_name character varying(1000),
    text character varying(20000) NOT NULL
);


--
-- Name: token_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.token_entry (
    segment integer NOT NULL,
    token bytea,
    owner character varying(255),
    processor_name character varying(255) NOT NULL,
    "timestamp" character varying(255) NOT NULL,
    token_type character varying(255)
);


--
-- Data for Name: association_value_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.association_value_entry VALUES (1, 'gatewayPaymentId', 'e1817f24-3527-412e-8d4e-436dd9327209', '01a24eb2-aa23-736f-a7a2-813950722f9f', 'com.orderdesk.payment.saga.PaymentSaga');
INSERT INTO public.association_value_entry VALUES (2, 'orderId', '8f7f151d-0d08-4925-850d-a4647c28d946', '01a24eb2-aa23-736f-a7a2-813950722f9f', 'com.orderdesk.payment.saga.PaymentSaga');


--
-- Data for Name: cash_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.cash_entry VALUES ('8f7f151d-0d08-4925-850d-a4647c28d946:0', '8f7f151d-0d08-4925-850d-a4647c28d946', 0, 'ORDER', '1006313', 'coworking-2nd-floor', 'Коворкинг на 2 этаже', 'Asia/Yekaterinburg', '2026-12-07 04:11:01.293251+00', '2026-12-07', NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.cash_entry VALUES ('8f7f151d-0d08-4925-850d-a4647c28d946:4', '8f7f151d-0d08-4925-850d-a4647c28d946', 4, 'PAYMENT', '1006313', 'coworking-2nd-floor', 'Коворкинг на 2 этаже', 'Asia/Yekaterinburg', '2026-12-07 04:11:01.928158+00', '2026-12-07', 'GATEWAY', 'BANK_CARD', 20000, NULL, NULL);


--
-- Data for Name: dead_letter_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: domain_event_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.domain_event_entry VALUES (1, 0, '\x7b2274726163654964223a223262616564363835393232323739663136343039303131393236343438663265222c226163746f724964223a226775657374222c226163746f72526f6c65223a224755455354222c226368616e6e656c223a2247554553545f415050222c22636175736174696f6e4964223a2230316132346562322d613866362d373039302d623865622d626563393338613937363833222c226163746f724e616d65223a22d090d0bbd0b5d0bad181d0b5d0b920d0a2d180d0bed188d0bad0bed0b2222c22636f7272656c6174696f6e4964223a2230316132346562322d613834632d373738392d623936392d363031383965326362383564222c2268617368223a2265376362323938373930646562323130616339633032323238396539613562666264333966396266343637396338613734376535353639636332616430383138227d', '\x7b226f726465724964223a2238663766313531642d306430382d343932352d383530642d613436343763323864393436222c226e756d626572223a2231303036333133222c22706c616365644174223a22323032362d31322d30375430343a31313a30312e3239333235313138385a222c22706c616365644279223a7b226964223a226775657374222c226e616d65223a22d090d0bbd0b5d0bad181d0b5d0b920d0a2d180d0bed188d0bad0bed0b2222c22726f6c65223a224755455354222c226368616e6e656c223a2247554553545f415050222c226775657374223a747275657d2c2267756573744964223a226775657374222c2273657276696365223a7b226964223a22636f776f726b696e672d326e642d666c6f6f72222c226e616d65223a22d09ad0bed0b2d0bed180d0bad0b8d0bdd0b320d0bdd0b0203220d18dd182d0b0d0b6d0b5222c2274696d655a6f6e65223a22417369612f59656b61746572696e62757267227d2c22746172696666223a7b226964223a227374616e64617264222c226e616d65223a22d0a1d182d0b0d0bdd0b4d0b0d180d182222c22756e69745072696365223a7b2276616c7565223a223130302e3030222c2263757272656e6379223a22525542227d2c22756e6974223a22484f5552227d2c226c696e6573223a5b7b226465736372697074696f6e223a22d09ad0bed0b2d0bed180d0bad0b8d0bdd0b320d0bdd0b0203220d18dd182d0b0d0b6d0b52c20d182d0b0d180d0b8d18420c2abd0a1d182d0b0d0bdd0b4d0b0d180d182c2bb222c227175616e74697479223a322c22756e69745072696365223a7b2276616c7565223a223130302e3030222c2263757272656e6379223a22525542227d2c22616d6f756e74223a7b2276616c7565223a223230302e3030222c2263757272656e6379223a22525542227d2c22766174436f6465223a31312c227061796d656e745375626a656374223a2273657276696365227d5d2c2272656e74616c506572696f64223a7b227374617274223a22323032372d30312d30365430353a30303a30305a222c22656e64223a22323032372d30312d30365430373a30303a30305a227d2c227469636b65744e756d626572223a22333031222c2276697369746f72223a7b226e616d65223a22d0a1d0b2d0b5d182d0bbd0b0d0bdd0b020d09ed180d0bbd0bed0b2d0b0222c2270686f6e65223a222b3739313235353531323334222c22656d61696c223a6e756c6c7d2c226170706c6963616e74223a7b226e616d65223a22d0a1d0b2d0b5d182d0bbd0b0d0bdd0b020d09ed180d0bbd0bed0b2d0b0222c22726f6c65223a22d093d0bed181d182d18c20d0bbd0bed0bad0b0d186d0b8d0b8222c2270686f6e65223a222b3739313235353531323334227d2c227061796d656e74506c616e223a2246554c4c222c22746f74616c223a7b2276616c7565223a223230302e3030222c2263757272656e6379223a22525542227d2c227072657061796d656e74447565223a7b2276616c7565223a223230302e3030222c2263757272656e6379223a22525542227d2c226d696e696d756d52656d61696e646572223a7b2276616c7565223a2235302e3030222c2263757272656e6379223a22525542227d2c2264756544617465223a22323032372d30312d3036222c22737461747573223a224157414954494e475f5041594d454e54222c227061796d656e74537461747573223a22554e50414944222c2276697369746f72456d61696c556e636f6e6669726d6564223a66616c73657d', '8f7f151d-0d08-4925-850d-a4647c28d946', '01a24eb2-a93e-7eed-a8d1-5884bcd2526a', '2', 'com.orderdesk.shared.order.event.OrderPlaced', '2026-12-07T04:11:01.311Z', 'Order');
INSERT INTO public.domain_event_entry VALUES (2, 1, '\x7b2274726163654964223a223262616564363835393232323739663136343039303131393236343438663265222c226163746f724964223a226775657374222c226163746f72526f6c65223a224755455354222c226368616e6e656c223a2247554553545f415050222c22636175736174696f6e4964223a2230316132346562322d613866362d373039302d623865622d626563393338613937363833222c226163746f724e616d65223a22d090d0bbd0b5d0bad181d0b5d0b920d0a2d180d0bed188d0bad0bed0b2222c22636f7272656c6174696f6e4964223a2230316132346562322d613834632d373738392d623936392d363031383965326362383564222c2268617368223a2239346532646366656461646133623136393330343231353034396630633836316435633166393861363135363432633231616462396231613934623538306462227d', '\x7b226f726465724964223a2238663766313531642d306430382d343932352d383530642d613436343763323864393436222c226e756d626572223a2231303036333133222c22726571756573744964223a2238663766313531642d306430382d343932352d383530642d6134363437633238643934363a7072657061796d656e74222c22616d6f756e74223a7b2276616c7565223a223230302e3030222c2263757272656e6379223a22525542227d2c226465736372697074696f6e223a22d097d0b0d0bad0b0d0b720313030363331333a20d0bed0bfd0bbd0b0d182d0b0222c226f726465724177616974734974223a747275652c226279223a7b226964223a226775657374222c226e616d65223a22d090d0bbd0b5d0bad181d0b5d0b920d0a2d180d0bed188d0bad0bed0b2222c22726f6c65223a224755455354222c226368616e6e656c223a2247554553545f415050222c226775657374223a747275657d2c226174223a22323032362d31322d30375430343a31313a30312e3239333235313138385a222c2272656365697074223a7b22637573746f6d6572223a7b2266756c6c4e616d65223a22d0a1d0b2d0b5d182d0bbd0b0d0bdd0b020d09ed180d0bbd0bed0b2d0b0222c22656d61696c223a6e756c6c2c2270686f6e65223a223739313235353531323334227d2c226974656d73223a5b7b226465736372697074696f6e223a22d09ad0bed0b2d0bed180d0bad0b8d0bdd0b320d0bdd0b0203220d18dd182d0b0d0b6d0b52c20d182d0b0d180d0b8d18420c2abd0a1d182d0b0d0bdd0b4d0b0d180d182c2bb222c227175616e74697479223a322c22756e69745072696365223a7b2276616c7565223a223130302e3030222c2263757272656e6379223a22525542227d2c22766174436f6465223a31312c227061796d656e745375626a656374223a2273657276696365222c227061796d656e744d6f6465223a2246554c4c5f5052455041594d454e54227d5d7d2c2272656e74616c5374617274223a22323032372d30312d30365430353a30303a30305a227d', '8f7f151d-0d08-4925-850d-a4647c28d946', '01a24eb2-a947-7879-9bd5-c23122014e9f', NULL, 'com.orderdesk.shared.order.event.OnlinePaymentRequested', '2026-12-07T04:11:01.319Z', 'Order');
INSERT INTO public.domain_event_entry VALUES (3, 2, '\x7b2274726163654964223a223262616564363835393232323739663136343039303131393236343438663265222c226163746f724964223a2273797374656d222c226163746f72526f6c65223a2253595354454d222c226368616e6e656c223a2253414741222c226361757365223a22d09fd0bbd0b0d182d191d0b6d0bdd18bd0b920d0bfd180d0bed186d0b5d181d18120d181d0bed0b7d0b4d0b0d0bb20d0bfd0bbd0b0d182d191d0b62065313831376632342d333532372d343132652d386434652d34333664643933323732303920d0b220d188d0bbd18ed0b7d0b520d0bfd0be20d0b7d0b0d0bfd180d0bed181d1832038663766313531642d306430382d343932352d383530642d6134363437633238643934363a7072657061796d656e74222c22636175736174696f6e4964223a2230316132346562322d616137652d376636332d623861362d363063373034393261393461222c226163746f724e616d65223a22d0a1d0b8d181d182d0b5d0bcd0b0222c22636f7272656c6174696f6e4964223a2230316132346562322d613834632d373738392d623936392d363031383965326362383564222c2268617368223a2238393161346239386163396164383834313832383533383137353662613638303263363364353431653861393065316434323163613134323237626432613234227d', '\x7b226f726465724964223a2238663766313531642d306430382d343932352d383530642d613436343763323864393436222c22726571756573744964223a2238663766313531642d306430382d343932352d383530642d6134363437633238643934363a7072657061796d656e74222c22676174657761795061796d656e744964223a2265313831376632342d333532372d343132652d386434652d343336646439333237323039222c22636f6e6669726d6174696f6e55726c223a22687474703a2f2f6c6f63616c686f73743a33333933332f73696d756c61746f722f636865636b6f75742f65313831376632342d333532372d343132652d386434652d343336646439333237323039222c226174223a22323032362d31322d30375430343a31313a30312e3634393830363538325a227d', '8f7f151d-0d08-4925-850d-a4647c28d946', '01a24eb2-aa91-7c12-9932-57243c3886cb', NULL, 'com.orderdesk.shared.order.event.GatewayPaymentCreated', '2026-12-07T04:11:01.649Z', 'Order');
INSERT INTO public.domain_event_entry VALUES (4, 3, '\x7b2274726163654964223a226162383630323566653838636537363863626634646434626236336666316266222c226163746f724964223a2273797374656d222c226163746f72526f6c65223a2253595354454d222c226368616e6e656c223a2247415445574159222c226361757365223a22d0a3d0b2d0b5d0b4d0bed0bcd0bbd0b5d0bdd0b8d0b520d0bfd0bbd0b0d182d191d0b6d0bdd0bed0b3d0be20d188d0bbd18ed0b7d0b0207061796d656e742e77616974696e675f666f725f6361707475726520d0bed0b120d0bed0b1d18ad0b5d0bad182d0b52065313831376632342d333532372d343132652d386434652d3433366464393332373230393b20d188d0bbd18ed0b720d0bdd0b020d0b7d0b0d0bfd180d0bed18120d0bfd0bed0b4d182d0b2d0b5d180d0b4d0b8d0bb20d181d182d0b0d182d183d1812077616974696e675f666f725f63617074757265222c22636175736174696f6e4964223a2230316132346562322d616234632d373462632d613033392d303362656162636565306264222c226163746f724e616d65223a22d0a1d0b8d181d182d0b5d0bcd0b0222c22636f7272656c6174696f6e4964223a226e6f74696669636174696f6e3a7061796d656e742e77616974696e675f666f725f636170747572653a65313831376632342d333532372d343132652d386434652d343336646439333237323039222c2268617368223a2261656163623765626637653965316263353136336532363033396164343664363932376662656662353032653262323139393232636131343534653465663830227d', '\x7b226f726465724964223a2238663766313531642d306430382d343932352d383530642d613436343763323864393436222c227061796d656e744964223a2265313831376632342d333532372d343132652d386434652d343336646439333237323039222c22617574686f72697a6564223a7b2276616c7565223a223230302e3030222c2263757272656e6379223a22525542227d2c22746f43617074757265223a7b2276616c7565223a223230302e3030222c2263757272656e6379223a22525542227d2c226174223a22323032362d31322d30375430343a31313a30312e3834313231343534315a222c2272656365697074223a7b22637573746f6d6572223a7b2266756c6c4e616d65223a22d0a1d0b2d0b5d182d0bbd0b0d0bdd0b020d09ed180d0bbd0bed0b2d0b0222c22656d61696c223a6e756c6c2c2270686f6e65223a223739313235353531323334227d2c226974656d73223a5b7b226465736372697074696f6e223a22d09ad0bed0b2d0bed180d0bad0b8d0bdd0b320d0bdd0b0203220d18dd182d0b0d0b6d0b52c20d182d0b0d180d0b8d18420c2abd0a1d182d0b0d0bdd0b4d0b0d180d182c2bb222c227175616e74697479223a322c22756e69745072696365223a7b2276616c7565223a223130302e3030222c2263757272656e6379223a22525542227d2c22766174436f6465223a31312c227061796d656e745375626a656374223a2273657276696365222c227061796d656e744d6f6465223a2246554c4c5f5052455041594d454e54227d5d7d7d', '8f7f151d-0d08-4925-850d-a4647c28d946', '01a24eb2-ab51-7feb-aeea-c816bd0ddd0d', NULL, 'com.orderdesk.shared.order.event.GatewayPaymentAuthorized', '2026-12-07T04:11:01.841Z', 'Order');
INSERT INTO public.domain_event_entry VALUES (5, 4, '\x7b2274726163654964223a226162383630323566653838636537363863626634646434626236336666316266222c226163746f724964223a2273797374656d222c226163746f72526f6c65223a2253595354454d222c226368616e6e656c223a2253414741222c226361757365223a22d09fd0bbd0b0d182d191d0b6d0bdd18bd0b920d0bfd180d0bed186d0b5d181d18120d181d0bfd0b8d181d0b0d0bb203230302c3030c2a0e282bd20d0bfd0be20d0bfd0bbd0b0d182d0b5d0b6d1832065313831376632342d333532372d343132652d386434652d3433366464393332373230393b20d188d0bbd18ed0b720d0bfd0bed0b4d182d0b2d0b5d180d0b4d0b8d0bb20d181d182d0b0d182d183d18120737563636565646564222c22636175736174696f6e4964223a2230316132346562322d616261322d373639382d623465372d393832623964333233613938222c226163746f724e616d65223a22d0a1d0b8d181d182d0b5d0bcd0b0222c22636f7272656c6174696f6e4964223a226e6f74696669636174696f6e3a7061796d656e742e77616974696e675f666f725f636170747572653a65313831376632342d333532372d343132652d386434652d343336646439333237323039222c2268617368223a2232636637636136393532383731366465396438623464623333353138303538613335316437333866666264353739393966643366303736356563313361613766227d', '\x7b226f726465724964223a2238663766313531642d306430382d343932352d383530642d613436343763323864393436222c227061796d656e744964223a2265313831376632342d333532372d343132652d386434652d343336646439333237323039222c22616d6f756e74223a7b2276616c7565223a223230302e3030222c2263757272656e6379223a22525542227d2c226d6574686f64223a2242414e4b5f43415244222c226279223a7b226964223a2273797374656d222c226e616d65223a22d0a1d0b8d181d182d0b5d0bcd0b0222c22726f6c65223a2253595354454d222c226368616e6e656c223a2247415445574159222c226775657374223a66616c73657d2c226174223a22323032362d31322d30375430343a31313a30312e3932383135383133315a222c22706169644166746572223a7b2276616c7565223a223230302e3030222c2263757272656e6379223a22525542227d2c2272656d61696e6465724166746572223a7b2276616c7565223a22302e3030222c2263757272656e6379223a22525542227d2c22726566756e644475654166746572223a7b2276616c7565223a22302e3030222c2263757272656e6379223a22525542227d2c227061796d656e745374617475734166746572223a2250414944222c226f7765644261636b223a7b2276616c7565223a22302e3030222c2263757272656e6379223a22525542227d2c226f7765644261636b52656365697074223a6e756c6c7d', '8f7f151d-0d08-4925-850d-a4647c28d946', '01a24eb2-aba8-7555-b64e-63c9f765eca9', NULL, 'com.orderdesk.shared.order.event.GatewayPaymentRecorded', '2026-12-07T04:11:01.928Z', 'Order');
INSERT INTO public.domain_event_entry VALUES (6, 5, '\x7b2274726163654964223a226162383630323566653838636537363863626634646434626236336666316266222c226163746f724964223a2273797374656d222c226163746f72526f6c65223a2253595354454d222c226368616e6e656c223a2253414741222c226361757365223a22d09fd0bbd0b0d182d191d0b6d0bdd18bd0b920d0bfd180d0bed186d0b5d181d18120d181d0bfd0b8d181d0b0d0bb203230302c3030c2a0e282bd20d0bfd0be20d0bfd0bbd0b0d182d0b5d0b6d1832065313831376632342d333532372d343132652d386434652d3433366464393332373230393b20d188d0bbd18ed0b720d0bfd0bed0b4d182d0b2d0b5d180d0b4d0b8d0bb20d181d182d0b0d182d183d18120737563636565646564222c22636175736174696f6e4964223a2230316132346562322d616261322d373639382d623465372d393832623964333233613938222c226163746f724e616d65223a22d0a1d0b8d181d182d0b5d0bcd0b0222c22636f7272656c6174696f6e4964223a226e6f74696669636174696f6e3a7061796d656e742e77616974696e675f666f725f636170747572653a65313831376632342d333532372d343132652d386434652d343336646439333237323039222c2268617368223a2239343563323936663261333638393132313332306466386466383666373130353463363938623139373161646432366531626434386439303761373739363532227d', '\x7b226f726465724964223a2238663766313531642d306430382d343932352d383530642d613436343763323864393436222c226279223a7b226964223a2273797374656d222c226e616d65223a22d0a1d0b8d181d182d0b5d0bcd0b0222c22726f6c65223a2253595354454d222c226368616e6e656c223a2247415445574159222c226775657374223a66616c73657d2c226174223a22323032362d31322d30375430343a31313a30312e3933313736313236315a227d', '8f7f151d-0d08-4925-850d-a4647c28d946', '01a24eb2-abab-7ac2-8e1c-5b55b890d744', NULL, 'com.orderdesk.shared.order.event.OrderConfirmed', '2026-12-07T04:11:01.931Z', 'Order');
INSERT INTO public.domain_event_entry VALUES (7, 6, '\x7b2274726163654964223a226162383630323566653838636537363863626634646434626236336666316266222c226163746f724964223a2273797374656d222c226163746f72526f6c65223a2253595354454d222c226368616e6e656c223a2253414741222c226361757365223a22d09fd0bbd0b0d182d191d0b6d0bdd18bd0b920d0bfd180d0bed186d0b5d181d1813a20d187d0b5d0ba20d0bfd180d0b8d185d0bed0b4d0b020e2809420d0bed0b6d0b8d0b4d0b0d0b5d18220d180d0b5d0b3d0b8d181d182d180d0b0d186d0b8d0b82028d0bfd0be20d0bed182d0b2d0b5d182d18320d0ae4b6173736129222c22636175736174696f6e4964223a2230316132346562322d616262302d373661662d623934372d356466646264383064393637222c226163746f724e616d65223a22d0a1d0b8d181d182d0b5d0bcd0b0222c22636f7272656c6174696f6e4964223a226e6f74696669636174696f6e3a7061796d656e742e77616974696e675f666f725f636170747572653a65313831376632342d333532372d343132652d386434652d343336646439333237323039222c2268617368223a2231323139303236613137636436333931336561666162373231306639323465373336306536353735393336366565626662663635323062313139376562383634227d', '\x7b226f726465724964223a2238663766313531642d306430382d343932352d383530642d613436343763323864393436222c22726563656970744b6579223a227061796d656e743a65313831376632342d333532372d343132652d386434652d343336646439333237323039222c226b696e64223a225041594d454e54222c22737461747573223a2250454e44494e47222c22726563656970744964223a6e756c6c2c227061796d656e744964223a2265313831376632342d333532372d343132652d386434652d343336646439333237323039222c22726566756e644964223a6e756c6c2c22616d6f756e74223a7b2276616c7565223a223230302e3030222c2263757272656e6379223a22525542227d2c2272656365697074223a7b22637573746f6d6572223a7b2266756c6c4e616d65223a22d0a1d0b2d0b5d182d0bbd0b0d0bdd0b020d09ed180d0bbd0bed0b2d0b0222c22656d61696c223a6e756c6c2c2270686f6e65223a223739313235353531323334227d2c226974656d73223a5b7b226465736372697074696f6e223a22d09ad0bed0b2d0bed180d0bad0b8d0bdd0b320d0bdd0b0203220d18dd182d0b0d0b6d0b52c20d182d0b0d180d0b8d18420c2abd0a1d182d0b0d0bdd0b4d0b0d180d182c2bb222c227175616e74697479223a322c22756e69745072696365223a7b2276616c7565223a223130302e3030222c2263757272656e6379223a22525542227d2c22766174436f6465223a31312c227061796d656e745375626a656374223a2273657276696365222c227061796d656e744d6f6465223a2246554c4c5f5052455041594d454e54227d5d7d2c22736574746c656d656e7473223a5b5d2c22726561736f6e223a6e756c6c2c2266697363616c446f63756d656e744e756d626572223a6e756c6c2c2266697363616c53746f726167654e756d626572223a6e756c6c2c2266697363616c417474726962757465223a6e756c6c2c226174223a22323032362d31322d30375430343a31313a30312e3933373632363130325a227d', '8f7f151d-0d08-4925-850d-a4647c28d946', '01a24eb2-abb1-7107-8686-fd3d9e569281', NULL, 'com.orderdesk.shared.order.event.ReceiptRecorded', '2026-12-07T04:11:01.938Z', 'Order');


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history VALUES (1, '1', 'schema', 'SQL', 'V1__schema.sql', -87266416, 'postgres', '2026-12-07 04:10:54.991745', 31, true);
INSERT INTO public.flyway_schema_history VALUES (2, '2', 'operator actions', 'SQL', 'V2__operator_actions.sql', -1372763242, 'postgres', '2026-12-07 04:10:55.0467', 3, true);
INSERT INTO public.flyway_schema_history VALUES (3, '3', 'search indexes', 'SQL', 'V3__search_indexes.sql', 643153239, 'postgres', '2026-12-07 04:10:55.057711', 8, true);
INSERT INTO public.flyway_schema_history VALUES (4, '4', 'projection control', 'SQL', 'V4__projection_control.sql', -595541612, 'postgres', '2026-12-07 04:10:55.07027', 3, true);
INSERT INTO public.flyway_schema_history VALUES (5, '5', 'inbox priority and text room', 'SQL', 'V5__inbox_priority_and_text_room.sql', 1952719494, 'postgres', '2026-12-07 04:10:55.079665', 6, true);
INSERT INTO public.flyway_schema_history VALUES (6, '6', 'order detail items', 'SQL', 'V6__order_detail_items.sql', 1847319498, 'postgres', '2026-12-07 04:10:55.092417', 4, true);
INSERT INTO public.flyway_schema_history VALUES (7, '7', 'binary values in rows', 'SQL', 'V7__binary_values_in_rows.sql', 1119814446, 'postgres', '2026-12-07 04:10:55.100935', 2, true);
INSERT INTO public.flyway_schema_history VALUES (8, '8', 'summary rental period', 'JDBC', 'com.orderdesk.app.persistence.SummaryRentalPeriodMigration', NULL, 'postgres', '2026-12-07 04:10:55.112775', 2, true);
INSERT INTO public.flyway_schema_history VALUES (9, '9', 'cash book', 'SQL', 'V9__cash_book.sql', 184566015, 'postgres', '2026-12-07 04:10:55.118555', 2, true);
INSERT INTO public.flyway_schema_history VALUES (10, '10', 'notifications', 'SQL', 'V10__notifications.sql', -1438180700, 'postgres', '2026-12-07 04:10:55.123477', 8, true);
INSERT INTO public.flyway_schema_history VALUES (11, '11', 'proven mail addresses', 'SQL', 'V11__proven_mail_addresses.sql', -1075661733, 'postgres', '2026-12-07 04:10:55.1354', 6, true);
INSERT INTO public.flyway_schema_history VALUES (12, '12', 'space holds', 'SQL', 'V12__space_holds.sql', -1688473053, 'postgres', '2026-12-07 04:10:55.145532', 2, true);


--
-- Data for Name: gateway_payment_ref; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.gateway_payment_ref VALUES ('e1817f24-3527-412e-8d4e-436dd9327209', '8f7f151d-0d08-4925-850d-a4647c28d946', '2026-12-07 04:11:01.628493+00');


--
-- Data for Name: idempotency_record; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: mail_link_secret; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.mail_link_secret VALUES (1, '7KHsg3MSJ2bkaUIC2BXFl5itEHUsbKz2VdhprJ77t28=');


--
-- Data for Name: notification_opt_out; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: notification_order; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.notification_order VALUES ('8f7f151d-0d08-4925-850d-a4647c28d946', '1006313', 'Коворкинг на 2 этаже', 'Asia/Yekaterinburg', '2027-01-06 05:00:00+00', '2027-01-06 07:00:00+00', NULL, 'guest', 'PROVEN');


--
-- Data for Name: notification_outbox; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: operator_action; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: order_detail; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.order_detail VALUES ('1006313', 6, '8f7f151d-0d08-4925-850d-a4647c28d946', 'guest', '{"orderId":"8f7f151d-0d08-4925-850d-a4647c28d946","number":"1006313","createdAt":"2026-12-07T09:11:01.293251188+05:00","service":{"id":"coworking-2nd-floor","name":"Коворкинг на 2 этаже","timeZone":"Asia/Yekaterinburg"},"status":"CONFIRMED","statusLabel":"Подтвержден","paymentStatus":"PAID","paymentStatusLabel":"Оплачен","executor":null,"ticket":{"number":"301"},"visitor":{"name":"Светлана Орлова","phone":"+79125551234","email":null},"applicant":{"name":"Светлана Орлова","role":"Гость локации","phone":"+79125551234"},"lines":[{"description":"Коворкинг на 2 этаже, тариф «Стандарт»","quantity":2,"unitPrice":{"value":"100.00","currency":"RUB"},"amount":{"value":"200.00","currency":"RUB"},"vatCode":11,"paymentSubject":"service"}],"rentalPeriod":{"start":"2027-01-06T10:00:00+05:00","end":"2027-01-06T12:00:00+05:00"},"ticketCost":{"value":"200.00","currency":"RUB"},"total":{"value":"200.00","currency":"RUB"},"paid":{"value":"200.00","currency":"RUB"},"remainder":{"value":"0.00","currency":"RUB"},"refundDue":{"value":"0.00","currency":"RUB"},"prepaymentDue":{"value":"200.00","currency":"RUB"},"minimumRemainder":{"value":"50.00","currency":"RUB"},"paymentPlan":"FULL","payments":[],"refunds":[],"dueDate":"2027-01-06","cancellation":null,"completedAt":null,"guestId":"guest","onlinePayment":null,"version":6,"receipts":[{"key":"payment:e1817f24-3527-412e-8d4e-436dd9327209","kind":"PAYMENT","kindLabel":"Чек прихода","status":"PENDING","statusLabel":"ожидает регистрации","amount":{"value":"200.00","currency":"RUB"},"paymentMode":"FULL_PREPAYMENT","paymentModeLabel":"Предоплата 100%","items":[{"description":"Коворкинг на 2 этаже, тариф «Стандарт»","quantity":2,"unitPrice":{"value":"100.00","currency":"RUB"},"vatCode":11,"paymentSubject":"service","paymentMode":"FULL_PREPAYMENT"}],"settlements":[],"sentTo":"+79125551234","receiptId":null,"paymentId":"e1817f24-3527-412e-8d4e-436dd9327209","refundId":null,"fiscalDocumentNumber":null,"fiscalStorageNumber":null,"fiscalAttribute":null,"reason":null,"at":"2026-12-07T09:11:01.937626102+05:00"}],"visitorEmailUnconfirmed":false,"tariffId":"standard"}', 1, 0);


--
-- Data for Name: order_detail_item; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.order_detail_item VALUES ('8f7f151d-0d08-4925-850d-a4647c28d946:PAYMENT:0', '8f7f151d-0d08-4925-850d-a4647c28d946', 'PAYMENT', 0, '{"paymentId":"e1817f24-3527-412e-8d4e-436dd9327209","source":"GATEWAY","method":"BANK_CARD","methodLabel":"Банковская карта","amount":{"value":"200.00","currency":"RUB"},"at":"2026-12-07T09:11:01.928158131+05:00","recordedBy":null,"note":null}');


--
-- Data for Name: order_number; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.order_number VALUES (1006313, '8f7f151d-0d08-4925-850d-a4647c28d946');


--
-- Data for Name: order_number_counter; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.order_number_counter VALUES (1, 1006313);


--
-- Data for Name: order_summary; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.order_summary VALUES ('2027-01-06', '1006313', '2026-12-07 04:11:01.293251+00', 0, 20000, 6, '79125551234', 'PAID', 'CONFIRMED', '301', '301', '8f7f151d-0d08-4925-850d-a4647c28d946', 'Asia/Yekaterinburg', 'coworking-2nd-floor', NULL, NULL, 'guest', 'Коворкинг на 2 этаже', 'Светлана Орлова', 'светлана орлова', '2027-01-06 05:00:00+00', '2027-01-06 07:00:00+00');


--
-- Data for Name: payment_inbox; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.payment_inbox VALUES (1, 1, NULL, '2026-12-07 04:11:01.816021+00', '2026-12-07 04:11:01.868587+00', '2026-12-07 04:11:01.816021+00', 'payment.waiting_for_capture', 'e1817f24-3527-412e-8d4e-436dd9327209', 'payment.waiting_for_capture:e1817f24-3527-412e-8d4e-436dd9327209', 'recorded waiting_for_capture', '{"type":"notification","event":"payment.waiting_for_capture","object":{"id":"e1817f24-3527-412e-8d4e-436dd9327209","status":"waiting_for_capture","paid":true,"amount":{"value":"200.00","currency":"RUB"},"description":"Заказ 1006313: оплата","created_at":"2026-12-07T04:11:01.613438223Z","capture":false,"confirmation":{"type":"redirect","confirmation_url":"http://localhost:33933/simulator/checkout/e1817f24-3527-412e-8d4e-436dd9327209","return_url":"http://localhost:33933/my/orders/8f7f151d-0d08-4925-850d-a4647c28d946"},"metadata":{"orderId":"8f7f151d-0d08-4925-850d-a4647c28d946","requestId":"8f7f151d-0d08-4925-850d-a4647c28d946:prepayment"},"receipt_registration":"pending","expires_at":"2026-12-14T04:11:01.791800830Z"}}', 0);
INSERT INTO public.payment_inbox VALUES (1, 1, NULL, '2026-12-07 04:11:01.922537+00', '2026-12-07 04:11:02.055878+00', '2026-12-07 04:11:01.922537+00', 'payment.succeeded', 'e1817f24-3527-412e-8d4e-436dd9327209', 'payment.succeeded:e1817f24-3527-412e-8d4e-436dd9327209', 'recorded succeeded', '{"type":"notification","event":"payment.succeeded","object":{"id":"e1817f24-3527-412e-8d4e-436dd9327209","status":"succeeded","paid":true,"amount":{"value":"200.00","currency":"RUB"},"description":"Заказ 1006313: оплата","created_at":"2026-12-07T04:11:01.613438223Z","capture":false,"confirmation":{"type":"redirect","confirmation_url":"http://localhost:33933/simulator/checkout/e1817f24-3527-412e-8d4e-436dd9327209","return_url":"http://localhost:33933/my/orders/8f7f151d-0d08-4925-850d-a4647c28d946"},"metadata":{"orderId":"8f7f151d-0d08-4925-850d-a4647c28d946","requestId":"8f7f151d-0d08-4925-850d-a4647c28d946:prepayment"},"receipt_registration":"pending","expires_at":"2026-12-14T04:11:01.791800830Z","captured_at":"2026-12-07T04:11:01.911151593Z"}}', 0);


--
-- Data for Name: projection_control; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: saga_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.saga_entry VALUES ('\x7b226f726465724964223a2238663766313531642d306430382d343932352d383530642d613436343763323864393436222c22746f437265617465223a7b7d2c226f70656e223a7b7d2c22746f536574746c65223a7b7d2c22746f526566756e64223a7b7d2c226177616974696e675061796d656e74223a66616c73652c22646561646c696e65506173736564223a66616c73652c2261776169746564526571756573744964223a2238663766313531642d306430382d343932352d383530642d6134363437633238643934363a7072657061796d656e74222c22646561646c696e654964223a6e756c6c2c2272657472794964223a6e756c6c2c227265747279417474656d7074223a302c22636170747572655265636569707473223a7b7d2c227061727469616c4361707475726573223a5b5d2c22776174636865645265636569707473223a7b227061796d656e743a65313831376632342d333532372d343132652d386434652d343336646439333237323039223a7b226b696e64223a225041594d454e54222c227061796d656e744964223a2265313831376632342d333532372d343132652d386434652d343336646439333237323039222c22726566756e644964223a6e756c6c2c22726563656970744964223a6e756c6c2c22616d6f756e74223a7b2276616c7565223a223230302e3030222c2263757272656e6379223a22525542227d2c2272656365697074223a7b22637573746f6d6572223a7b2266756c6c4e616d65223a22d0a1d0b2d0b5d182d0bbd0b0d0bdd0b020d09ed180d0bbd0bed0b2d0b0222c22656d61696c223a6e756c6c2c2270686f6e65223a223739313235353531323334227d2c226974656d73223a5b7b226465736372697074696f6e223a22d09ad0bed0b2d0bed180d0bad0b8d0bdd0b320d0bdd0b0203220d18dd182d0b0d0b6d0b52c20d182d0b0d180d0b8d18420c2abd0a1d182d0b0d0bdd0b4d0b0d180d182c2bb222c227175616e74697479223a322c22756e69745072696365223a7b2276616c7565223a223130302e3030222c2263757272656e6379223a22525542227d2c22766174436f6465223a31312c227061796d656e745375626a656374223a2273657276696365222c227061796d656e744d6f6465223a2246554c4c5f5052455041594d454e54227d5d7d2c22736574746c656d656e7473223a5b5d2c226c6f6f6b73223a307d7d2c22706f6c6c4964223a2230316132346562322d616262342d376164322d623130662d303439326161373132616533222c22706f6c6c417474656d7074223a312c22736574746c656d656e7457616e746564223a747275652c2263616e63656c6c6564223a66616c73652c2272656e74616c5374617274223a22323032372d30312d30365430353a30303a30305a222c22736574746c656d656e74446561646c696e654964223a2230316132346562322d616262342d373238372d383236322d343039346463613161376431222c22736574746c656d656e74546f437265617465223a6e756c6c2c22726566756e645265636569707473546f437265617465223a7b7d7d', NULL, '01a24eb2-aa23-736f-a7a2-813950722f9f', 'com.orderdesk.payment.saga.PaymentSaga');


--
-- Data for Name: scheduled_tasks; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', '01a24eb2-abb4-7ad2-b10f-0492aa712ae3', '\xaced0005737200476f72672e61786f6e6672616d65776f726b2e646561646c696e652e64627363686564756c65722e44625363686564756c657242696e617279446561646c696e6544657461696c73d514359f2a1b905f0200074c0001647400124c6a6176612f6c616e672f537472696e673b5b00016d7400025b425b00017071007e00024c0002706371007e00014c00017271007e00015b00017371007e00024c0002736371007e0001787074000c726563656970742d706f6c6c757200025b42acf317f8060854e00200007870000002047b2274726163654964223a226162383630323566653838636537363863626634646434626236336666316266222c226163746f724964223a2273797374656d222c226163746f72526f6c65223a2253595354454d222c226368616e6e656c223a2247415445574159222c226361757365223a22d0a3d0b2d0b5d0b4d0bed0bcd0bbd0b5d0bdd0b8d0b520d0bfd0bbd0b0d182d191d0b6d0bdd0bed0b3d0be20d188d0bbd18ed0b7d0b0207061796d656e742e77616974696e675f666f725f6361707475726520d0bed0b120d0bed0b1d18ad0b5d0bad182d0b52065313831376632342d333532372d343132652d386434652d3433366464393332373230393b20d188d0bbd18ed0b720d0bdd0b020d0b7d0b0d0bfd180d0bed18120d0bfd0bed0b4d182d0b2d0b5d180d0b4d0b8d0bb20d181d182d0b0d182d183d1812077616974696e675f666f725f63617074757265222c22636175736174696f6e4964223a2230316132346562322d616235312d376665622d616565612d633831366264306464643064222c226163746f724e616d65223a22d0a1d0b8d181d182d0b5d0bcd0b0222c22636f7272656c6174696f6e4964223a226e6f74696669636174696f6e3a7061796d656e742e77616974696e675f666f725f636170747572653a65313831376632342d333532372d343132652d386434652d343336646439333237323039227d7571007e0005000000046e756c6c740005656d707479707571007e00050000004a7b2274797065223a225061796d656e7453616761222c226964656e746966696572223a2230316132346562322d616132332d373336662d613761322d383133393530373232663966227d7400346f72672e61786f6e6672616d65776f726b2e6d6f64656c6c696e672e736167612e5361676153636f706544657363726970746f72', '2026-12-07 05:11:01.940796+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', '01a24eb2-abb4-7287-8262-4094dca1a7d1', '\xaced0005737200476f72672e61786f6e6672616d65776f726b2e646561646c696e652e64627363686564756c65722e44625363686564756c657242696e617279446561646c696e6544657461696c73d514359f2a1b905f0200074c0001647400124c6a6176612f6c616e672f537472696e673b5b00016d7400025b425b00017071007e00024c0002706371007e00014c00017271007e00015b00017371007e00024c0002736371007e0001787074000e736574746c656d656e742d647565757200025b42acf317f8060854e00200007870000002047b2274726163654964223a226162383630323566653838636537363863626634646434626236336666316266222c226163746f724964223a2273797374656d222c226163746f72526f6c65223a2253595354454d222c226368616e6e656c223a2247415445574159222c226361757365223a22d0a3d0b2d0b5d0b4d0bed0bcd0bbd0b5d0bdd0b8d0b520d0bfd0bbd0b0d182d191d0b6d0bdd0bed0b3d0be20d188d0bbd18ed0b7d0b0207061796d656e742e77616974696e675f666f725f6361707475726520d0bed0b120d0bed0b1d18ad0b5d0bad182d0b52065313831376632342d333532372d343132652d386434652d3433366464393332373230393b20d188d0bbd18ed0b720d0bdd0b020d0b7d0b0d0bfd180d0bed18120d0bfd0bed0b4d182d0b2d0b5d180d0b4d0b8d0bb20d181d182d0b0d182d183d1812077616974696e675f666f725f63617074757265222c22636175736174696f6e4964223a2230316132346562322d616235312d376665622d616565612d633831366264306464643064222c226163746f724e616d65223a22d0a1d0b8d181d182d0b5d0bcd0b0222c22636f7272656c6174696f6e4964223a226e6f74696669636174696f6e3a7061796d656e742e77616974696e675f666f725f636170747572653a65313831376632342d333532372d343132652d386434652d343336646439333237323039227d7571007e0005000000046e756c6c740005656d707479707571007e00050000004a7b2274797065223a225061796d656e7453616761222c226964656e746966696572223a2230316132346562322d616132332d373336662d613761322d383133393530373232663966227d7400346f72672e61786f6e6672616d65776f726b2e6d6f64656c6c696e672e736167612e5361676153636f706544657363726970746f72', '2027-01-06 05:00:00+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);


--
-- Data for Name: snapshot_event_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: space_hold; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.space_hold VALUES ('coworking-2nd-floor', '2027-01-06 05:00:00+00', 6025, '8f7f151d-0d08-4925-850d-a4647c28d946');
INSERT INTO public.space_hold VALUES ('coworking-2nd-floor', '2027-01-06 06:00:00+00', 6025, '8f7f151d-0d08-4925-850d-a4647c28d946');


--
-- Data for Name: timeline_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.timeline_entry VALUES ('2026-12-07 04:11:01.311+00', 0, 'SYSTEM', 'GUEST', '8f7f151d-0d08-4925-850d-a4647c28d946', 'Asia/Yekaterinburg', '8f7f151d-0d08-4925-850d-a4647c28d946:0', 'guest', 'Алексей Трошков', 'Заказ 1006313 создан гостем в приложении. Ожидается оплата 200,00 ₽.');
INSERT INTO public.timeline_entry VALUES ('2026-12-07 04:11:01.841+00', 3, 'SYSTEM', NULL, '8f7f151d-0d08-4925-850d-a4647c28d946', 'Asia/Yekaterinburg', '8f7f151d-0d08-4925-850d-a4647c28d946:3', NULL, NULL, 'Гость оплатил онлайн 200,00 ₽: платёж списывается.');
INSERT INTO public.timeline_entry VALUES ('2026-12-07 04:11:01.928158+00', 4, 'SYSTEM', NULL, '8f7f151d-0d08-4925-850d-a4647c28d946', 'Asia/Yekaterinburg', '8f7f151d-0d08-4925-850d-a4647c28d946:4', NULL, NULL, 'Поступила оплата через платёжный шлюз.');
INSERT INTO public.timeline_entry VALUES ('2026-12-07 04:11:01.931+00', 5, 'SYSTEM', NULL, '8f7f151d-0d08-4925-850d-a4647c28d946', 'Asia/Yekaterinburg', '8f7f151d-0d08-4925-850d-a4647c28d946:5', NULL, NULL, 'Заказ подтверждён.');


--
-- Data for Name: token_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.token_entry VALUES (0, NULL, NULL, 'order-list', '2026-12-07T04:11:00.591Z', NULL);
INSERT INTO public.token_entry VALUES (1, '\x7b22696e646578223a352c2267617073223a5b5d7d', NULL, 'cash-book', '2026-12-07T04:11:02.204Z', 'org.axonframework.eventhandling.GapAwareTrackingToken');
INSERT INTO public.token_entry VALUES (1, '\x7b22696e646578223a372c2267617073223a5b5d7d', NULL, 'order-list', '2026-12-07T04:11:02.210Z', 'org.axonframework.eventhandling.GapAwareTrackingToken');
INSERT INTO public.token_entry VALUES (3, NULL, NULL, 'order-detail', '2026-12-07T04:11:00.684Z', NULL);
INSERT INTO public.token_entry VALUES (2, NULL, NULL, 'cash-book', '2026-12-07T04:11:00.690Z', NULL);
INSERT INTO public.token_entry VALUES (2, NULL, NULL, 'order-list', '2026-12-07T04:11:00.676Z', NULL);
INSERT INTO public.token_entry VALUES (3, NULL, NULL, 'cash-book', '2026-12-07T04:11:00.699Z', NULL);
INSERT INTO public.token_entry VALUES (0, NULL, NULL, 'cash-book', '2026-12-07T04:11:00.589Z', NULL);
INSERT INTO public.token_entry VALUES (3, NULL, NULL, 'order-list', '2026-12-07T04:11:00.691Z', NULL);
INSERT INTO public.token_entry VALUES (0, '\x7b22696e646578223a362c2267617073223a5b5d7d', NULL, 'PaymentSagaProcessor', '2026-12-07T04:11:02.092Z', 'org.axonframework.eventhandling.GapAwareTrackingToken');
INSERT INTO public.token_entry VALUES (1, '\x7b22696e646578223a372c2267617073223a5b5d7d', NULL, 'order-detail', '2026-12-07T04:11:02.209Z', 'org.axonframework.eventhandling.GapAwareTrackingToken');
INSERT INTO public.token_entry VALUES (0, NULL, NULL, 'order-timeline', '2026-12-07T04:11:00.590Z', NULL);
INSERT INTO public.token_entry VALUES (1, '\x7b22696e646578223a372c2267617073223a5b5d7d', NULL, 'order-timeline', '2026-12-07T04:11:02.212Z', 'org.axonframework.eventhandling.GapAwareTrackingToken');
INSERT INTO public.token_entry VALUES (2, NULL, NULL, 'order-detail', '2026-12-07T04:11:00.675Z', NULL);
INSERT INTO public.token_entry VALUES (2, NULL, NULL, 'order-timeline', '2026-12-07T04:11:00.646Z', NULL);
INSERT INTO public.token_entry VALUES (0, NULL, NULL, 'order-detail', '2026-12-07T04:11:00.590Z', NULL);
INSERT INTO public.token_entry VALUES (3, NULL, NULL, 'order-timeline', '2026-12-07T04:11:00.682Z', NULL);
INSERT INTO public.token_entry VALUES (1, '\x7b22696e646578223a362c2267617073223a5b5d7d', NULL, 'PaymentSagaProcessor', '2026-12-07T04:11:02.099Z', 'org.axonframework.eventhandling.GapAwareTrackingToken');
INSERT INTO public.token_entry VALUES (0, '\x7b22696e646578223a372c2267617073223a5b5d7d', NULL, 'notifications', '2026-12-07T04:11:05.101Z', 'org.axonframework.eventhandling.GapAwareTrackingToken');


--
-- Name: association_value_entry_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.association_value_entry_seq', 51, true);


--
-- Name: domain_event_global_index; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.domain_event_global_index', 7, true);


--
-- Name: association_value_entry association_value_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_value_entry
    ADD CONSTRAINT association_value_entry_pkey PRIMARY KEY (id);


--
-- Name: cash_entry cash_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cash_entry
    ADD CONSTRAINT cash_entry_pkey PRIMARY KEY (entry_id);


--
-- Name: dead_letter_entry dead_letter_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dead_letter_entry
    ADD CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id);


--
-- Name: dead_letter_entry dead_letter_entry_processing_group_sequence_identifier_sequ_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dead_letter_entry
    ADD CONSTRAINT dead_letter_entry_processing_group_sequence_identifier_sequ_key UNIQUE (processing_group, sequence_identifier, sequence_index);


--
-- Name: domain_event_entry domain_event_entry_aggregate_identifier_sequence_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domain_event_entry
    ADD CONSTRAINT domain_event_entry_aggregate_identifier_sequence_number_key UNIQUE (aggregate_identifier, sequence_number);


--
-- Name: domain_event_entry domain_event_entry_event_identifier_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domain_event_entry
    ADD CONSTRAINT domain_event_entry_event_identifier_key UNIQUE (event_identifier);


--
-- Name: domain_event_entry domain_event_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domain_event_entry
    ADD CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: gateway_payment_ref gateway_payment_ref_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.gateway_payment_ref
    ADD CONSTRAINT gateway_payment_ref_pkey PRIMARY KEY (payment_id);


--
-- Name: idempotency_record idempotency_record_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_record
    ADD CONSTRAINT idempotency_record_pkey PRIMARY KEY (scope_hash);


--
-- Name: mail_link_secret mail_link_secret_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_link_secret
    ADD CONSTRAINT mail_link_secret_pkey PRIMARY KEY (id);


--
-- Name: notification_opt_out notification_opt_out_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_opt_out
    ADD CONSTRAINT notification_opt_out_pkey PRIMARY KEY (email);


--
-- Name: notification_order notification_order_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_order
    ADD CONSTRAINT notification_order_pkey PRIMARY KEY (order_id);


--
-- Name: notification_outbox notification_outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_outbox
    ADD CONSTRAINT notification_outbox_pkey PRIMARY KEY (mail_id);


--
-- Name: operator_action operator_action_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.operator_action
    ADD CONSTRAINT operator_action_pkey PRIMARY KEY (id);


--
-- Name: order_detail_item order_detail_item_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_detail_item
    ADD CONSTRAINT order_detail_item_pkey PRIMARY KEY (item_id);


--
-- Name: order_detail order_detail_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_detail
    ADD CONSTRAINT order_detail_number_key UNIQUE (number);


--
-- Name: order_detail order_detail_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_detail
    ADD CONSTRAINT order_detail_pkey PRIMARY KEY (order_id);


--
-- Name: order_number_counter order_number_counter_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_number_counter
    ADD CONSTRAINT order_number_counter_pkey PRIMARY KEY (id);


--
-- Name: order_number order_number_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_number
    ADD CONSTRAINT order_number_number_key UNIQUE (number);


--
-- Name: order_number order_number_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_number
    ADD CONSTRAINT order_number_pkey PRIMARY KEY (order_id);


--
-- Name: order_summary order_summary_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_summary
    ADD CONSTRAINT order_summary_number_key UNIQUE (number);


--
-- Name: order_summary order_summary_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_summary
    ADD CONSTRAINT order_summary_pkey PRIMARY KEY (order_id);


--
-- Name: payment_inbox payment_inbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.payment_inbox
    ADD CONSTRAINT payment_inbox_pkey PRIMARY KEY (notification_key);


--
-- Name: projection_control projection_control_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projection_control
    ADD CONSTRAINT projection_control_pkey PRIMARY KEY (projection);


--
-- Name: saga_entry saga_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saga_entry
    ADD CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id);


--
-- Name: scheduled_tasks scheduled_tasks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.scheduled_tasks
    ADD CONSTRAINT scheduled_tasks_pkey PRIMARY KEY (task_name, task_instance);


--
-- Name: snapshot_event_entry snapshot_event_entry_event_identifier_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.snapshot_event_entry
    ADD CONSTRAINT snapshot_event_entry_event_identifier_key UNIQUE (event_identifier);


--
-- Name: snapshot_event_entry snapshot_event_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.snapshot_event_entry
    ADD CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (sequence_number, aggregate_identifier, type);


--
-- Name: space_hold space_hold_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.space_hold
    ADD CONSTRAINT space_hold_pkey PRIMARY KEY (service_id, hour_start, place);


--
-- Name: timeline_entry timeline_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.timeline_entry
    ADD CONSTRAINT timeline_entry_pkey PRIMARY KEY (entry_id);


--
-- Name: token_entry token_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.token_entry
    ADD CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment);


--
-- Name: notification_outbox uk_notification_dedup; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_outbox
    ADD CONSTRAINT uk_notification_dedup UNIQUE (dedup_key);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: ix_association_saga; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_association_saga ON public.association_value_entry USING btree (saga_id, saga_type);


--
-- Name: ix_association_saga_key_value; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_association_saga_key_value ON public.association_value_entry USING btree (saga_type, association_key, association_value);


--
-- Name: ix_cash_service_day; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_cash_service_day ON public.cash_entry USING btree (service_id, local_date, at);


--
-- Name: ix_dead_letter_event; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_dead_letter_event ON public.dead_letter_entry USING btree (event_identifier);


--
-- Name: ix_dead_letter_group; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_dead_letter_group ON public.dead_letter_entry USING btree (processing_group);


--
-- Name: ix_dead_letter_group_sequence; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_dead_letter_group_sequence ON public.dead_letter_entry USING btree (processing_group, sequence_identifier);


--
-- Name: ix_inbox_claim; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_inbox_claim ON public.payment_inbox USING btree (processed_at, priority, received_at);


--
-- Name: ix_inbox_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_inbox_due ON public.payment_inbox USING btree (processed_at, next_attempt_at);


--
-- Name: ix_notification_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_notification_due ON public.notification_outbox USING btree (status, next_attempt_at);


--
-- Name: ix_notification_order; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_notification_order ON public.notification_outbox USING btree (order_id, status);


--
-- Name: ix_notification_recipient; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_notification_recipient ON public.notification_outbox USING btree (recipient_key, sent_at);


--
-- Name: ix_operator_action_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_operator_action_at ON public.operator_action USING btree (at DESC);


--
-- Name: ix_order_detail_item_order; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_order_detail_item_order ON public.order_detail_item USING btree (order_id, kind, item_index);


--
-- Name: ix_scheduled_tasks_execution; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_scheduled_tasks_execution ON public.scheduled_tasks USING btree (execution_time);


--
-- Name: ix_scheduled_tasks_picked; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_scheduled_tasks_picked ON public.scheduled_tasks USING btree (picked, last_heartbeat);


--
-- Name: ix_summary_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_created ON public.order_summary USING btree (created_at DESC);


--
-- Name: ix_summary_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_due ON public.order_summary USING btree (due_date);


--
-- Name: ix_summary_executor_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_executor_created ON public.order_summary USING btree (executor_id, created_at DESC);


--
-- Name: ix_summary_guest_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_guest_created ON public.order_summary USING btree (guest_id, created_at DESC);


--
-- Name: ix_summary_payment_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_payment_created ON public.order_summary USING btree (payment_status, created_at DESC);


--
-- Name: ix_summary_phone; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_phone ON public.order_summary USING btree (phone_digits);


--
-- Name: ix_summary_phone_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_phone_trgm ON public.order_summary USING gin (phone_digits public.gin_trgm_ops);


--
-- Name: ix_summary_service_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_service_created ON public.order_summary USING btree (service_id, created_at DESC);


--
-- Name: ix_summary_status_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_status_created ON public.order_summary USING btree (status, created_at DESC);


--
-- Name: ix_summary_status_payment_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_status_payment_created ON public.order_summary USING btree (status, payment_status, created_at DESC);


--
-- Name: ix_summary_ticket; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_ticket ON public.order_summary USING btree (ticket_lower);


--
-- Name: ix_summary_total; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_total ON public.order_summary USING btree (total_minor);


--
-- Name: ix_summary_visitor_name_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_summary_visitor_name_trgm ON public.order_summary USING gin (visitor_name_lower public.gin_trgm_ops);


--
-- Name: ix_timeline_order; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_timeline_order ON public.timeline_entry USING btree (order_id, sequence_number);


--
-- Name: ix_token_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_token_owner ON public.token_entry USING btree (owner);


--
-- Name: space_hold_order; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX space_hold_order ON public.space_hold USING btree (order_id);


--
-- PostgreSQL database dump complete
--

\unrestrict mtKD8l5E2SwBwZvGYirC1PBNVoCUpbvXKsVRxHCalYQhs7DiAofWZjWZgLS3znT

