package vn.gov.portal.infra.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto we believe, as CIDR blocks
 * ({@code PORTAL_TRUSTED_PROXIES}, e.g. {@code 127.0.0.1/32,::1/128,10.0.0.0/8}). Empty, the
 * default, trusts nobody: without it any client could pick the address its failed sign-ins
 * are counted under, or claim https.
 */
public final class TrustedProxies {
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Parses a comma-separated CIDR list; a bare address is a block of one. Refuses what does not
     * parse, so a typo stops the start rather than silently trusting nobody (or everybody).
     */
    public static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String item : list == null ? new String[0] : list.split(",")) {
            String cidr = item.strip();
            if (cidr.isEmpty()) {
                continue;
            }
            int slash = cidr.indexOf('/');
            InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not an address in PORTAL_TRUSTED_PROXIES: " + cidr);
            }
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a prefix length in PORTAL_TRUSTED_PROXIES: " + cidr);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("Prefix out of range in PORTAL_TRUSTED_PROXIES: " + cidr);
            }
            blocks.add(new Block(address.getAddress(), prefix));
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean trusts(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block b : blocks) {
            if (b.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An IP literal, or null. Never a name: {@link InetAddress#getByName} would look a name up
     * in DNS, and what is parsed here comes from a header anyone can write.
     */
    static InetAddress literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        boolean v6 = s.indexOf(':') >= 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '.' || (c >= '0' && c <= '9')
                    || (v6 && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!ok) {
                return null;
            }
        }
        if (!v6 && s.chars().filter(c -> c == '.').count() != 3) {
            return null; // "10" or "1.2" would be taken as an address by getByName
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false; // IPv4-mapped IPv6 arrives as IPv4 already (InetAddress folds it)
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
