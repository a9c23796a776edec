package nl.netwerkzorg.atlas.base;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Malformed REST requests of every endpoint (a missing parameter, {@code km=veel}) answer 400 with a Dutch message. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> malformed(Exception e) {
        String parameter = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error",
                "Parameter '" + parameter + "' ontbreekt of heeft een ongeldige waarde", "parameter", parameter));
    }
}
