package org.parley.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCheckpointsTest {

    static final byte[] SEED = new SecureRandom().generateSeed(32);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameKeyPair() {
        assertThat(AuditCheckpoints.keyPair(SEED).getPublic()).isEqualTo(AuditCheckpoints.keyPair(SEED).getPublic());
        assertThat(AuditCheckpoints.keyPair(SEED).getPublic())
                .isNotEqualTo(AuditCheckpoints.keyPair(new SecureRandom().generateSeed(32)).getPublic());
    }

    @Test
    void aCheckpointIsOneSignedJsonLineInThisInstancesFile() throws Exception {
        AuditCheckpoints checkpoints = new AuditCheckpoints("request", dir, "pod-1", AuditCheckpoints.keyPair(SEED), List.of(), CLOCK);

        checkpoints.append(7, "ab".repeat(32));

        assertThat(Files.readAllLines(dir.resolve("request.pod-1.jsonl"))).singleElement().asString()
                .startsWith("{\"service\":\"request\",\"chainPos\":7,\"hash\":\"" + "ab".repeat(32)
                        + "\",\"time\":\"2026-12-01T10:00:00Z\",\"instance\":\"pod-1\",\"previous\":null,\"signature\":\"");
        assertThat(checkpoints.read().verified()).extracting(AuditCheckpoint::chainPos).containsExactly(7L);
    }

    @Test
    void anyChangeToACheckpointLineBreaksItsSignature() throws Exception {
        AuditCheckpoints checkpoints = new AuditCheckpoints("request", dir, "pod-1", AuditCheckpoints.keyPair(SEED), List.of(), CLOCK);
        checkpoints.append(7, "ab".repeat(32));
        Path file = dir.resolve("request.pod-1.jsonl");
        Files.writeString(file, Files.readString(file).replace("\"chainPos\":7", "\"chainPos\":6"));

        assertThat(checkpoints.read()).extracting(r -> r.verified().size(), AuditCheckpoints.Read::unverifiable)
                .containsExactly(0, 1);
    }

    @Test
    void eachLineFollowsTheOneBeforeItSoThatARemovedLineIsNoticed() throws Exception {
        AuditCheckpoints checkpoints = new AuditCheckpoints("request", dir, "pod-1", AuditCheckpoints.keyPair(SEED), List.of(), CLOCK);
        for (int position = 1; position <= 4; position++) {
            checkpoints.append(position, "ab".repeat(32));
        }
        AuditCheckpoints restarted = new AuditCheckpoints("request", dir, "pod-1", AuditCheckpoints.keyPair(SEED), List.of(), CLOCK);
        restarted.append(5, "ab".repeat(32));
        assertThat(restarted.read()).extracting(r -> r.verified().size(), AuditCheckpoints.Read::unverifiable)
                .containsExactly(5, 0);

        Path file = dir.resolve("request.pod-1.jsonl");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(1), lines.get(3), lines.get(4)));

        assertThat(restarted.read()).extracting(r -> r.verified().size(), AuditCheckpoints.Read::unverifiable)
                .containsExactly(4, 1);
    }

    @Test
    void checkpointsSignedWithAPreviousKeyStayTrusted() {
        byte[] oldSeed = new SecureRandom().generateSeed(32);
        new AuditCheckpoints("request", dir, "pod-1", AuditCheckpoints.keyPair(oldSeed), List.of(), CLOCK).append(3, "cd".repeat(32));
        AuditCheckpoints old = new AuditCheckpoints("request", dir, "x", AuditCheckpoints.keyPair(oldSeed), List.of(), CLOCK);

        AuditCheckpoints rotated = new AuditCheckpoints("request", dir, "pod-1", AuditCheckpoints.keyPair(SEED),
                List.of(AuditCheckpoints.publicKey(old.publicKey())), CLOCK);
        AuditCheckpoints forgetful = new AuditCheckpoints("request", dir, "pod-1", AuditCheckpoints.keyPair(SEED), List.of(), CLOCK);

        assertThat(rotated.read().verified()).hasSize(1);
        assertThat(forgetful.read().unverifiable()).isEqualTo(1);
    }

    @Test
    void aMissingKeyOrDirectoryStopsTheServiceNamingWhatToSet() {
        String key = Base64.getEncoder().encodeToString(SEED);
        assertThatThrownBy(() -> new AuditCheckpointSettings(dir, "", List.of(), null))
                .hasMessageContaining("PARLEY_AUDIT_SIGNING_KEY");
        assertThatThrownBy(() -> new AuditCheckpointSettings(dir, "c2hvcnQ=", List.of(), null))
                .hasMessageContaining("parley.audit.checkpoints.signing-key");
        assertThatThrownBy(() -> new AuditCheckpointSettings(null, key, List.of(), null))
                .hasMessageContaining("PARLEY_AUDIT_CHECKPOINTS_DIR");
        assertThatThrownBy(() -> new AuditCheckpointSettings(dir, key, List.of("not a key"), null))
                .hasMessageContaining("Ed25519 public key");
        assertThat(new AuditCheckpointSettings(dir, key, null, null).instanceName()).isNotBlank();
    }

    @Test
    void namesThatWouldLeaveTheDirectoryAreRefused() {
        assertThatThrownBy(() -> new AuditCheckpoints("request", dir, "../elsewhere", AuditCheckpoints.keyPair(SEED), List.of(), CLOCK))
                .hasMessageContaining("parley.audit.checkpoints.instance");
    }
}
