package vn.gov.portal.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an API client (or the form's script) does with a proof-of-work challenge: finds a nonce
 * whose SHA-256 over {@code challenge:nonce} starts with the challenge's zero bits. Tests run with
 * a low difficulty (TestDatabase), so this takes a handful of hashes.
 */
public final class ProofOfWorkSolver {
    private ProofOfWorkSolver() {
    }

    /** A solved challenge: the two values the form's hidden fields (or the API's headers) carry. */
    public record Solution(String challenge, String nonce) {
        /** As the API's headers (Pow-Challenge, Pow-Nonce), after {@code others}. */
        public String[] headers(String... others) {
            String[] all = java.util.Arrays.copyOf(others, others.length + 4);
            System.arraycopy(new String[] {"Pow-Challenge", challenge, "Pow-Nonce", nonce}, 0, all, others.length, 4);
            return all;
        }

        /** As the page form's hidden fields, url-encoded, to append to a form body. */
        public String formFields() {
            return "&pow-challenge=" + java.net.URLEncoder.encode(challenge, StandardCharsets.UTF_8) + "&pow-nonce="
                    + nonce;
        }
    }

    /** Solves the JSON answer of {@code GET /api/v1/pow/challenge?form=…}. */
    public static Solution solve(String challengeJson) {
        Matcher c = Pattern.compile("\"challenge\":\"([^\"]+)\"").matcher(challengeJson);
        Matcher d = Pattern.compile("\"difficulty\":([0-9]+)").matcher(challengeJson);
        if (!c.find() || !d.find()) {
            throw new AssertionError("not a challenge: " + challengeJson);
        }
        return new Solution(c.group(1), nonce(c.group(1), Integer.parseInt(d.group(1)), true));
    }

    /** The first nonce that solves (or, with {@code solving} false, that fails) the challenge. */
    public static String nonce(String challenge, int bits, boolean solving) {
        for (long n = 0; ; n++) {
            String nonce = Long.toString(n, 36);
            if (zeroBits(challenge + ":" + nonce) >= bits == solving) {
                return nonce;
            }
        }
    }

    private static int zeroBits(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            int bits = 0;
            for (byte b : h) {
                if (b != 0) {
                    return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
                }
                bits += 8;
            }
            return bits;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
