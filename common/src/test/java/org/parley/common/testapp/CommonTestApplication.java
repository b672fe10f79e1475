package org.parley.common.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Ids;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service on the common kit, to test the kit the way services use it. */
@SpringBootApplication
public class CommonTestApplication {

    @Service
    static class Widgets {
        private final JdbcClient jdbc;
        private final AuditLog audit;

        Widgets(JdbcClient jdbc, AuditLog audit) {
            this.jdbc = jdbc;
            this.audit = audit;
        }

        @Transactional
        UUID create(Caller caller, String name, boolean failAfterWriting) {
            UUID id = Ids.next();
            jdbc.sql("insert into widget (id, name) values (:id, :name)").param("id", id).param("name", name).update();
            audit.append(AuditEntry.of(caller, "WIDGET_CREATED", "widget", id, null, "NEW"));
            if (failAfterWriting) {
                throw new Conflict("WIDGET_REFUSED", "refused after writing");
            }
            return id;
        }
    }

    @RestController
    static class WidgetController {
        private final Widgets widgets;

        WidgetController(Widgets widgets) {
            this.widgets = widgets;
        }

        record NewWidget(@NotBlank @Size(max = 20) String name, Boolean failAfterWriting) {}

        record WidgetView(String id, String name) {}

        @PostMapping("/api/v1/widgets")
        ResponseEntity<WidgetView> create(Caller caller, @Valid @RequestBody NewWidget body) {
            UUID id = widgets.create(caller, body.name(), Boolean.TRUE.equals(body.failAfterWriting()));
            return ResponseEntity.created(URI.create("/api/v1/widgets/" + id)).body(new WidgetView(id.toString(), body.name()));
        }

        /** Answers a one-time secret: never stored for replays. */
        @PostMapping("/api/v1/widgets/with-secret")
        ResponseEntity<java.util.Map<String, String>> createWithSecret(Caller caller, @Valid @RequestBody NewWidget body) {
            UUID id = widgets.create(caller, body.name(), false);
            return ResponseEntity.created(URI.create("/api/v1/widgets/" + id))
                    .header("Cache-Control", "no-store")
                    .body(java.util.Map.of("id", id.toString(), "secret", "s3cret-" + id));
        }

        @GetMapping("/api/v1/widgets/boom")
        String boom() {
            throw new IllegalStateException("connection to db-secret-host:5432 refused");
        }

        @GetMapping("/api/v1/public/ping")
        String ping(Caller caller) {
            return caller.isAnonymous() ? "anonymous" : caller.username();
        }
    }
}
