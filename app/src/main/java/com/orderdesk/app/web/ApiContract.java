package com.orderdesk.app.web;

import com.orderdesk.shared.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP contract as integrators read it (issue 16): every operation's summary, description, tag, the headers it
 * takes ({@code Idempotency-Key}, {@code If-Match}), who may call it, and every status it can answer — each error as
 * problem+json whose {@code code} is enumerated from {@link ErrorCode}. One table, {@link ApiOperations}, says it for
 * every operation; an operation missing from it is marked {@code x-undocumented} and fails the contract test.
 */
@Component
public class ApiContract implements OpenApiCustomizer {
    static final String PROBLEM = "Problem";
    static final String MONEY = "Money";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String SHOP = "shopBasicAuth";

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("Order Desk API").version("1")
                .description("""
                        Booking orders of a coworking: placing, paying at the desk and online, refunds, messages, the \
                        audit trail. Errors are RFC 9457 problem documents (`application/problem+json`) with a stable \
                        `code` (API.md, "Error codes"). Writes take an `Idempotency-Key` (a repeat returns the first \
                        answer); commands on an order take `If-Match` with its version (the `ETag` of its reads).""")
                .contact(new Contact().name("Order Desk developers (see the README's \"The API as a contract\")")));
        api.servers(List.of(new Server().url("http://localhost:{port}")
                .description("The demo (`-Dspring-boot.run.profiles=demo`); in production, the service's own address")
                .variables(new io.swagger.v3.oas.models.servers.ServerVariables().addServerVariable("port",
                        new io.swagger.v3.oas.models.servers.ServerVariable()._default("8080").description("`server.port`")))));
        api.tags(Arrays.stream(ApiOperations.Area.values()).map(area -> new Tag().name(area.tag()).description(area.description())).toList());
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("The demo's identities (manager/manager, auditor/auditor, guest/guest …)."));
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Production: a JWT of the configured issuer; roles from its claims."));
        components.addSecuritySchemes(SHOP, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("The gateway simulator's shop: shop id and secret key (demo-shop/demo-secret), as YooKassa."));
        components.addSchemas(PROBLEM, problemSchema());
        components.addSchemas(MONEY, new ObjectSchema().description("Exact money: rubles with two decimals as text, and the currency")
                .addProperty("value", new StringSchema().pattern("^\\d{1,12}\\.\\d{2}$").example("400.00"))
                .addProperty("currency", new StringSchema()._enum(List.of("RUB")).example("RUB"))
                .required(List.of("value", "currency")));
        components.addParameters("IdempotencyKey", new HeaderParameter().name("Idempotency-Key").required(false)
                .description("A client-chosen key (8–128 of `A-Za-z0-9._:-`): the same write with the same key returns the "
                        + "first answer; the same key with another body is `422 idempotency-key-reused`.")
                .schema(new StringSchema().pattern("^[A-Za-z0-9._:-]{8,128}$").example("4f1c2a9e-7b1d-4c55-9a51-2f1f0f6b7c11")));
        components.addParameters("IfMatch", new HeaderParameter().name("If-Match").required(false)
                .description("The order's version as its reads' `ETag` gave it (`\"5\"`); another version is "
                        + "`412 version-mismatch`. Absent or `*`: no expectation.")
                .schema(new StringSchema().example("\"5\"")));
        if (components.getSchemas() != null && components.getSchemas().containsKey("JsonNode")) {
            // the simulator answers YooKassa's own objects (payment, refund, receipt, list) as YooKassa shapes them
            components.getSchemas().put("JsonNode", new ObjectSchema().additionalProperties(true)
                    .description("A YooKassa API v3 object (payment, refund, receipt or list) as YooKassa documents it."));
        }
        Map<String, ApiOperations.Op> table = ApiOperations.byKey();
        for (Map.Entry<String, PathItem> path : new TreeMap<>(api.getPaths()).entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                String key = entry.getKey().name() + " " + path.getKey();
                ApiOperations.Op op = table.get(key);
                if (op == null) {
                    entry.getValue().addExtension("x-undocumented", true);
                    continue;
                }
                describe(entry.getValue(), op);
            }
        }
    }

    private static void describe(Operation operation, ApiOperations.Op op) {
        operation.operationId(op.operationId()).summary(op.summary()).description(op.description())
                .tags(List.of(op.area().tag()));
        List<Parameter> parameters = new ArrayList<>(operation.getParameters() == null ? List.of() : operation.getParameters());
        // headers that are part of a security scheme or of the table below are declared once, by reference
        parameters.removeIf(p -> "header".equals(p.getIn()) && List.of("Authorization", "Idempotency-Key", "If-Match")
                .contains(p.getName()));
        if (op.idempotent()) {
            parameters.add(new Parameter().$ref("#/components/parameters/IdempotencyKey"));
        }
        if (op.ifMatch()) {
            parameters.add(new Parameter().$ref("#/components/parameters/IfMatch"));
        }
        for (Parameter parameter : parameters) {
            if (parameter.get$ref() == null && parameter.getDescription() == null) {
                parameter.setDescription(ApiOperations.parameterDescription(parameter.getName()));
            }
        }
        operation.parameters(parameters.isEmpty() ? null : parameters);
        if ((op.operationId().equals("placeOrder") || op.operationId().equals("placeMyOrder")) && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(placeOrderExample(op.operationId())));
        }
        operation.security(switch (op.access()) {
            case USER -> List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER));
            case SHOP -> List.of(new SecurityRequirement().addList(SHOP));
            case PUBLIC -> List.of();
        });
        ApiResponses responses = new ApiResponses();
        ApiResponse success = operation.getResponses() == null ? null : operation.getResponses().get("200");
        if (success == null) {
            success = new ApiResponse();
        }
        success.description(op.successDescription());
        if (op.success() == 201 || op.success() == 202) {
            success.addHeaderObject("Location", new Header().description("Where the result is read").schema(new StringSchema()));
        }
        if (op.success() == 303) {
            success.content(null).addHeaderObject("Location", new Header().description("Back to the shop's page").schema(new StringSchema()));
        }
        responses.addApiResponse(String.valueOf(op.success()), success);
        Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>();
        for (ErrorCode code : op.errors()) {
            byStatus.computeIfAbsent(code.httpStatus(), s -> new ArrayList<>()).add(code);
        }
        byStatus.forEach((status, codes) -> responses.addApiResponse(String.valueOf(status), problemResponse(codes)));
        operation.responses(responses);
    }

    /** The seed's order as a body: 4 hours at the coworking, the visitor and the applicant, a partial payment. */
    private static Map<String, Object> placeOrderExample(String operationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceId", "coworking-2nd-floor");
        body.put("tariffId", "standard");
        body.put("rentalPeriod", ordered("start", "2026-12-02T16:00:00+05:00", "end", "2026-12-02T20:00:00+05:00"));
        if (operationId.equals("placeOrder")) {
            body.put("ticketNumber", "207");
        }
        body.put("visitor", ordered("name", "Алексей Трошков", "phone", "+7 342 254-54-54", "email", "troshkov@example.com"));
        body.put("applicant", ordered("name", "Алексей Трошков", "role", "Гость локации", "phone", "+7 342 254-54-54"));
        body.put("paymentPlan", "PARTIAL");
        return body;
    }

    /** Key, value, key, value … in this order: the document is compared byte for byte with its snapshot. */
    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static ApiResponse problemResponse(List<ErrorCode> codes) {
        Schema<?> schema = new Schema<>().allOf(List.of(new Schema<>().$ref("#/components/schemas/" + PROBLEM),
                new ObjectSchema().addProperty("code", new StringSchema()._enum(codes.stream().map(ErrorCode::code).toList()))));
        ErrorCode first = codes.get(0);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://orderdesk.dev/problems/" + first.code());
        example.put("title", first.code());
        example.put("status", first.httpStatus());
        example.put("detail", ApiOperations.exampleDetail(first));
        example.put("code", first.code());
        return new ApiResponse().description(String.join(", ", codes.stream().map(ErrorCode::code).toList()))
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(schema)
                        .addExamples(first.code(), new Example().summary(first.code()).value(example))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("An RFC 9457 problem document with the stable `code` of API.md.")
                .addProperty("type", new StringSchema().format("uri").example("https://orderdesk.dev/problems/remainder-below-minimum"))
                .addProperty("title", new StringSchema().example("remainder-below-minimum"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().description("What went wrong, in Russian, for people")
                        .example("Остаток к оплате не должен быть менее 50 ₽: после оплаты осталось бы 40 ₽."))
                .addProperty("instance", new StringSchema().example("/api/orders/0f9a3b0e-0000-4000-8000-000000000001/payments"))
                .addProperty("code", new StringSchema().description("Stable: clients switch on it")
                        ._enum(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList()))
                .addProperty("field", new StringSchema().description("The field at fault, when one is").example("amount"))
                .addProperty("incident", new StringSchema().description("With 500: the id to quote to support"))
                .addProperty("conflicts", new io.swagger.v3.oas.models.media.ArraySchema().description("With no-capacity: the "
                        + "full hours, in the service's zone").items(new ObjectSchema()
                        .addProperty("start", new StringSchema().format("date-time").example("2026-12-14T10:00:00+05:00"))
                        .addProperty("end", new StringSchema().format("date-time").example("2026-12-14T11:00:00+05:00"))
                        .required(List.of("start", "end"))))
                .required(List.of("type", "title", "status", "code"));
    }
}
