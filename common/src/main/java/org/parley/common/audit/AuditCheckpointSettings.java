package org.parley.common.audit;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import org.parley.common.kernel.Ids;
import org.parley.common.privacy.RowBoundCipher;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parley.audit.checkpoints}: where the chain's signed checkpoints are kept and with which
 * key they are signed. A missing or malformed key or directory stops the service at start.
 *
 * @param dir                the directory, outside the database (ideally storage the database's writers cannot reach)
 * @param signingKey         base64 of the 32-byte Ed25519 private key
 * @param previousPublicKeys public keys (base64 X.509) that signed earlier checkpoints, kept trusted after a key change
 * @param instance           this instance's name, naming its file; a fresh one at each start when blank
 */
@ConfigurationProperties("parley.audit.checkpoints")
public record AuditCheckpointSettings(Path dir, String signingKey, List<String> previousPublicKeys, String instance) {

    public AuditCheckpointSettings {
        if (dir == null || dir.toString().isBlank()) {
            throw new IllegalStateException("parley.audit.checkpoints.dir is not set: set PARLEY_AUDIT_CHECKPOINTS_DIR"
                    + " to a directory outside the database");
        }
        keyPair(signingKey);
        previousPublicKeys = previousPublicKeys == null ? List.of() : List.copyOf(previousPublicKeys);
        previousPublicKeys.forEach(AuditCheckpoints::publicKey);
    }

    KeyPair keyPair() {
        return keyPair(signingKey);
    }

    List<PublicKey> previous() {
        return previousPublicKeys.stream().map(AuditCheckpoints::publicKey).toList();
    }

    String instanceName() {
        return instance == null || instance.isBlank() ? Ids.next().toString() : instance.strip();
    }

    private static KeyPair keyPair(String signingKey) {
        return AuditCheckpoints.keyPair(RowBoundCipher.keyFromSetting(signingKey, "parley.audit.checkpoints.signing-key",
                "PARLEY_AUDIT_SIGNING_KEY"));
    }
}
