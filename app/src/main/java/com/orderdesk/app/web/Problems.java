package com.orderdesk.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.Rejection;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.URI;

/** RFC 9457 problem documents with the stable {@code code} of API.md. The one place their shape is decided. */
public final class Problems {
    private Problems() {
    }

    public static ProblemDetail of(Rejection rejection) {
        ErrorCode code = rejection.code();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.httpStatus()), rejection.detail());
        problem.setType(URI.create("https://orderdesk.dev/problems/" + code.code()));
        problem.setTitle(code.code());
        problem.setProperty("code", code.code());
        if (rejection.field() != null) {
            problem.setProperty("field", rejection.field());
        }
        if (!rejection.conflicts().isEmpty()) {
            problem.setProperty("conflicts", rejection.conflicts());
        }
        return problem;
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        return of(new Rejection(code, detail));
    }

    public static ResponseEntity<ProblemDetail> response(Rejection rejection) {
        return ResponseEntity.status(rejection.code().httpStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(of(rejection));
    }

    /** For filters and security handlers that answer before MVC. */
    public static void write(HttpServletResponse response, ObjectMapper json, ErrorCode code, String detail) throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), of(code, detail));
    }
}
