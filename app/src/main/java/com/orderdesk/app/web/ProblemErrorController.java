package com.orderdesk.app.web;

import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.Rejection;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reaches the servlet container's error page — a request Tomcat refused before Spring saw it, an error outside a
 * controller — answers problem+json with a stable code too, never Spring Boot's default error JSON.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden // not an operation of the API: where the container sends what failed before one
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object raw = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = raw instanceof Integer code ? code : 500;
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ErrorCode.VALIDATION_FAILED : ErrorCode.INTERNAL_ERROR;
        };
        String detail = switch (code) {
            case NOT_FOUND -> "Такого адреса нет.";
            case VALIDATION_FAILED -> "Запрос не принят: адрес или заголовки запроса некорректны.";
            case INTERNAL_ERROR -> "Внутренняя ошибка. Ничего не изменено; повторите запрос.";
            default -> "Запрос не выполнен.";
        };
        return Problems.response(new Rejection(code, detail));
    }
}
