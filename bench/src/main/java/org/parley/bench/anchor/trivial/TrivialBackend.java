package org.parley.bench.anchor.trivial;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anchor "a trivial Boot endpoint": Spring MVC on Tomcat with virtual threads, as the
 * services serve HTTP, but no security, no database and no lookups. A GET answers a small JSON
 * document; a POST to the requests path answers 201 as request-service would, so that a gateway
 * can stand in front of it.
 */
@SpringBootApplication(proxyBeanMethods = false)
@RestController
public class TrivialBackend {

    public static void main(String[] args) {
        // it logs through whatever SLF4J finds; Boot need not configure a logging system of its own
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        SpringApplication application = new SpringApplication(TrivialBackend.class);
        application.setDefaultProperties(Map.of(
                "server.address", "127.0.0.1",
                "spring.threads.virtual.enabled", "true",
                "spring.main.banner-mode", "off"));
        application.run(args);
    }

    @GetMapping("/anchor/{id}")
    Map<String, Object> one(@PathVariable String id) {
        return Map.of("id", id, "kind", "COMPANY", "name", "Streamly Video", "country", "US", "status", "ACTIVE");
    }

    @PostMapping("/api/v1/requests")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> submit(@RequestBody Map<String, Object> body) {
        return Map.of("id", UUID.randomUUID().toString(), "type", body.getOrDefault("type", "REMOVAL_ORDER"),
                "state", "SUBMITTED");
    }
}
