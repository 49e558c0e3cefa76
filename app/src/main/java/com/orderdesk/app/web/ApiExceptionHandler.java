package com.orderdesk.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.Rejection;
import com.orderdesk.shared.error.RejectedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingModificationException;
import com.orderdesk.app.idempotency.IdempotencyFilter;
import com.orderdesk.command.retry.ConcurrencyRetry;
import org.axonframework.common.AxonTransientException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every failure of every endpoint becomes problem+json with a stable code here, and only here. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RejectedException e) {
        return Problems.response(e.rejection());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        if (ConcurrencyRetry.lostARace(e)) {
            return concurrent(e);
        }
        Optional<Rejection> rejection = e.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast)
                .or(() -> find(e, RejectedException.class).map(RejectedException::rejection));
        if (rejection.isPresent()) {
            return Problems.response(rejection.get());
        }
        if (find(e, AggregateNotFoundException.class).isPresent()) {
            return notFound();
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound() {
        return notFound();
    }

    @ExceptionHandler({ConflictingModificationException.class, AxonTransientException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        log.info("Concurrent modification: {}", e.getMessage());
        if (ConcurrencyRetry.lostARace(e)) {
            // the request's own transaction is spoiled; a request in one (Idempotency-Key) is run again by its filter
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null) {
                request.setAttribute(IdempotencyFilter.LOST_RACE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
            }
        }
        return Problems.response(new Rejection(ErrorCode.CONCURRENT_MODIFICATION,
                "Заказ одновременно изменил кто-то ещё. Обновите страницу и повторите."));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (BodySizeLimit.isTooLarge(e)) {
            return Problems.response(new Rejection(ErrorCode.PAYLOAD_TOO_LARGE, "Тело запроса слишком большое."));
        }
        Optional<InvalidValueException> invalid = find(e, InvalidValueException.class);
        if (invalid.isPresent()) {
            Rejection rejection = invalid.get().rejection();
            Optional<JsonMappingException> where = find(e, JsonMappingException.class);
            String field = where.map(mapping -> nested(path(mapping), rejection.field())).orElse(rejection.field());
            return Problems.response(new Rejection(rejection.code(), rejection.detail(), field));
        }
        Throwable cause = e.getCause();
        Optional<String> duplicate = duplicateField(e);
        if (duplicate.isPresent()) {
            return validation(duplicate.get(), "Поле «" + duplicate.get() + "» встречается в теле запроса дважды: оставьте одно значение.");
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return validation(path(unknown), "Неизвестное поле «" + unknown.getPropertyName() + "».");
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            JsonMappingException mapping = (JsonMappingException) cause;
            String field = path(mapping);
            return validation(field, field.isEmpty() ? "Тело запроса имеет неверную структуру."
                    : "Неверное значение или тип поля «" + field + "».");
        }
        if (cause instanceof JsonMappingException mapping) {
            return validation(path(mapping), "Неверное значение поля «" + path(mapping) + "».");
        }
        if (cause instanceof JsonProcessingException) {
            return validation(null, "Тело запроса — некорректный JSON.");
        }
        return validation(null, "Тело запроса отсутствует или не читается.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType() {
        return Problems.response(new Rejection(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Тело запроса должно быть в формате application/json."));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable() {
        return Problems.response(new Rejection(ErrorCode.NOT_ACCEPTABLE, "Ответ доступен только в формате JSON."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return Problems.response(new Rejection(ErrorCode.METHOD_NOT_ALLOWED,
                "Метод " + e.getMethod() + " здесь не поддерживается."));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource() {
        return Problems.response(new Rejection(ErrorCode.NOT_FOUND, "Такого адреса нет."));
    }

    @ExceptionHandler({ServletRequestBindingException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> badRequest(Exception e) {
        return validation(null, "Некорректные параметры запроса.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden() {
        return Problems.response(new Rejection(ErrorCode.FORBIDDEN, "Недостаточно прав для этого действия."));
    }

    /**
     * The client went away (a browser closed a live-updates stream, a connection dropped mid-answer): there is no one
     * to answer, and nothing failed on our side. (Spring Framework 7 hands it to the application's handlers; logged as
     * an incident it was noise.)
     */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone() {
        // nothing to write: the response is no longer usable
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        ResponseEntity<ProblemDetail> response = Problems.response(new Rejection(ErrorCode.INTERNAL_ERROR,
                "Внутренняя ошибка. Ничего не изменено; повторите запрос. Номер инцидента: " + incident + "."));
        response.getBody().setProperty("incident", incident);
        return response;
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        return Problems.response(RejectedException.notFound().rejection());
    }

    private static ResponseEntity<ProblemDetail> validation(String field, String detail) {
        return Problems.response(new Rejection(ErrorCode.VALIDATION_FAILED, detail, field == null || field.isEmpty() ? null : field));
    }

    /**
     * A value object's own field name, placed in the body it was read from: {@code name} read as the visitor →
     * {@code visitor.name}; {@code phone} read at {@code visitor.phone} stays {@code visitor.phone}; {@code
     * applicant.name} read as the applicant stays {@code applicant.name}.
     */
    static String nested(String at, String field) {
        if (field == null || field.isEmpty()) {
            return at.isEmpty() ? null : at;
        }
        if (at.isEmpty()) {
            return field;
        }
        int lastDot = at.lastIndexOf('.');
        String last = at.substring(lastDot + 1);
        String first = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        if (last.equals(first)) {
            return lastDot < 0 ? field : at.substring(0, lastDot) + "." + field;
        }
        return at + "." + field;
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate field '([^']*)'");

    /** A key twice in one object (strict duplicate detection): its place in the body, {@code amount.value}. */
    private static Optional<String> duplicateField(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            java.util.regex.Matcher name = DUPLICATE.matcher(String.valueOf(t.getMessage()));
            if (name.find()) {
                String at = find(e, JsonMappingException.class).map(ApiExceptionHandler::path).orElse("");
                return Optional.of(at.isEmpty() ? name.group(1) : at.endsWith(name.group(1)) ? at : at + "." + name.group(1));
            }
        }
        return Optional.empty();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
