package vn.gov.portal.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.Locale;
import java.util.Optional;

/**
 * Argon2id hashing (OWASP's minimum: 19 MiB, 2 passes, 1 lane) and the strength rule every
 * new password meets. Plain passwords are never stored, logged or returned.
 */
public final class Passwords {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    public static final int MIN_LENGTH = 8;
    /** Hash of a throw-away password: checked against when the account does not exist, so
     * "no such user" takes as long as "wrong password". */
    private static final String DECOY = hash("decoy-Password-1");

    private Passwords() {
    }

    public static String hash(String plain) {
        return Password.hash(plain).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean matches(String plain, String storedHash) {
        return Password.check(plain, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }

    /** Spends the same work as {@link #matches} and answers false. */
    public static boolean decoyCheck(String plain) {
        matches(plain, DECOY);
        return false;
    }

    /**
     * Why a password is too weak, as a message key, or empty: at least eight characters of at
     * least three kinds (lower, upper, digit, symbol), and not containing the username.
     */
    public static Optional<String> weakness(String plain, String username) {
        if (plain == null || plain.length() < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        int kinds = (plain.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (plain.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (plain.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (plain.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 3) {
            return Optional.of("password.too-simple");
        }
        if (username != null && username.length() >= 3
                && plain.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.contains-username");
        }
        return Optional.empty();
    }
}
