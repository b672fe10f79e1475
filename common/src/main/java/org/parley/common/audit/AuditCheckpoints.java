package org.parley.common.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of one chain, kept outside the database: a directory with one append-only
 * file per instance ({@code <chain>.<instance>.jsonl}, one JSON line per checkpoint), so that
 * instances never write the same file; reading takes every instance's file. A database writer who
 * rewrites the records and the head cannot make them agree with a checkpoint: that needs the
 * signing key, which lives in the service's configuration, not in the database.
 */
public final class AuditCheckpoints {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String ALGORITHM = "Ed25519";

    private final String chain;
    private final Path directory;
    private final String instance;
    private final Path file;
    /** SHA-256 of this instance's last line, which the next line names; null before the first. */
    private String lastLine;
    private final KeyPair signing;
    private final List<PublicKey> trusted;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param signing  this instance's key pair
     * @param previous public keys that signed earlier checkpoints (after a key change); this
     *                 instance's own public key is always trusted
     */
    public AuditCheckpoints(String chain, Path directory, String instance, KeyPair signing, List<PublicKey> previous,
            Clock clock) {
        this.chain = name(chain, "parley.audit.chain");
        this.instance = name(instance, "parley.audit.checkpoints.instance");
        this.directory = directory;
        this.signing = signing;
        this.trusted = Stream.concat(Stream.of(signing.getPublic()), previous.stream()).toList();
        this.clock = clock;
        this.file = directory.resolve(this.chain + "." + this.instance + ".jsonl");
        try {
            Files.createDirectories(directory);
            if (Files.exists(file)) {
                // an instance restarted under the same name continues its file
                lastLine = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank()).reduce((first, second) -> second).map(AuditCheckpoints::sha256)
                        .orElse(null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the audit checkpoint directory " + directory, e);
        }
    }

    /** Signs the chain's head and appends it to this instance's file, flushed to disk before it returns. */
    synchronized AuditCheckpoint append(long chainPos, String hash) {
        AuditCheckpoint unsigned = new AuditCheckpoint(chain, chainPos, hash,
                clock.instant().truncatedTo(ChronoUnit.MICROS), instance, lastLine, null);
        AuditCheckpoint checkpoint = unsigned.signed(sign(unsigned.signedText()));
        String line = json.writeValueAsString(checkpoint);
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append an audit checkpoint to " + file, e);
        }
        lastLine = sha256(line);
        return checkpoint;
    }

    /**
     * Every instance's checkpoints of this chain whose signature holds, lowest position first.
     * Counted as unverifiable: a line that does not parse, names another chain, or whose signature
     * fails under every trusted key, and a line that does not follow the one before it in its file
     * (a line changed, removed or put in between).
     *
     * <p>Each line names the hash of the line before it, so when every line of a file follows its
     * predecessor, the signature of the last line vouches for them all and is the only one checked;
     * a file that does not hold together has every line's signature checked.
     */
    Read read() {
        List<AuditCheckpoint> verified = new ArrayList<>();
        int unverifiable = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, chain + ".*.jsonl")) {
            for (Path path : files) {
                List<AuditCheckpoint> lines = new ArrayList<>();
                int broken = 0;
                String previous = null;
                for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    AuditCheckpoint checkpoint = parse(line);
                    if (checkpoint == null || !chain.equals(checkpoint.service())) {
                        broken++;
                    } else {
                        if (!Objects.equals(previous, checkpoint.previous())) {
                            broken++;
                        }
                        lines.add(checkpoint);
                    }
                    previous = sha256(line);
                }
                if (broken == 0 && (lines.isEmpty() || verifies(lines.getLast()))) {
                    verified.addAll(lines);
                } else {
                    for (AuditCheckpoint checkpoint : lines) {
                        if (verifies(checkpoint)) {
                            verified.add(checkpoint);
                        } else {
                            broken++;
                        }
                    }
                    unverifiable += broken;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoints in " + directory, e);
        }
        verified.sort(Comparator.comparingLong(AuditCheckpoint::chainPos));
        return new Read(verified, unverifiable);
    }

    record Read(List<AuditCheckpoint> verified, int unverifiable) {}

    /** This instance's public key (X.509, base64), for whoever checks the checkpoints elsewhere. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(signing.getPublic().getEncoded());
    }

    /**
     * The Ed25519 key pair whose private key is {@code seed} (32 bytes, RFC 8032). The JDK derives
     * the public key only while generating a pair, so the generator is handed the seed as its
     * randomness: it draws exactly the 32 bytes of the private key.
     */
    public static KeyPair keyPair(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes, not " + seed.length);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK", e);
        }
    }

    /** A public key given as base64 of its X.509 encoding, as {@link #publicKey()} writes it. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("not an Ed25519 public key (base64 of X.509): " + base64, e);
        }
    }

    private String sign(byte[] text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(signing.getPrivate());
            signature.update(text);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK", e);
        }
    }

    private boolean verifies(AuditCheckpoint checkpoint) {
        if (checkpoint.signature() == null || checkpoint.hash() == null || checkpoint.time() == null
                || checkpoint.instance() == null || checkpoint.service() == null) {
            return false;
        }
        for (PublicKey key : trusted) {
            try {
                Signature signature = Signature.getInstance(ALGORITHM);
                signature.initVerify(key);
                signature.update(checkpoint.signedText());
                if (signature.verify(Base64.getDecoder().decode(checkpoint.signature()))) {
                    return true;
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // a malformed signature verifies under no key
            }
        }
        return false;
    }

    private static String sha256(String line) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private AuditCheckpoint parse(String line) {
        try {
            return json.readValue(line, AuditCheckpoint.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String name(String value, String setting) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalStateException(setting + " must be letters, digits, '-' or '_', not " + value);
        }
        return value;
    }
}
