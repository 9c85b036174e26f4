package vn.gov.portal.infra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The key that signs tokens (HS256). JWT_SECRET wins (at least 32 characters; set the same on
 * every node); otherwise one is made on first start and kept in {@code <data dir>/secrets}.
 * There is always a signing configuration, so unsigned ("alg": "none") tokens never pass.
 */
public final class JwtSecret {
    public static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    private JwtSecret() {
    }

    public static Map<String, Object> properties(Path dataDir) {
        return Map.of(PROPERTY, load(dataDir));
    }

    static String load(Path dataDir) {
        String configured = System.getenv("JWT_SECRET");
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("JWT_SECRET must be at least 32 characters");
            }
            return configured;
        }
        Path file = dataDir.resolve("secrets").resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            String secret = HexFormat.of().formatHex(bytes);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the token key in " + file, e);
        }
    }
}
