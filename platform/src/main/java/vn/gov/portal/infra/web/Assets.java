package vn.gov.portal.infra.web;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The themes' static files, fingerprinted: a page links {@code /assets/<hash>/<path>}, so the
 * file can be cached for a year and a new version is a new address. The list of files is
 * {@code themes/assets.list} in tenant-themes (a jar cannot be listed cheaply).
 */
@Singleton
public class Assets {
    /** A file ready to send: bytes, type and fingerprint, loaded once. */
    public record Asset(String path, byte[] bytes, String contentType, String hash) {
    }

    private final Map<String, Asset> byPath = new HashMap<>();

    public Assets() {
        String list = read("themes/assets.list");
        for (String line : new String(list).split("\n")) {
            String path = line.trim();
            if (path.isEmpty() || path.startsWith("#")) {
                continue;
            }
            byte[] bytes = readBytes("themes/" + path);
            byPath.put(path, new Asset(path, bytes, contentType(path), fingerprint(bytes)));
        }
    }

    /** The address to put in a page, e.g. {@code /assets/3fa1c2d9e0/base/site.css}. */
    public String url(String path) {
        Asset a = byPath.get(path);
        if (a == null) {
            throw new IllegalArgumentException("No asset " + path + " in themes/assets.list");
        }
        return "/assets/" + a.hash() + "/" + path;
    }

    public Asset get(String path) {
        return byPath.get(path);
    }

    private static String contentType(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1);
        return switch (ext) {
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            default -> "application/octet-stream";
        };
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        return new String(readBytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing theme resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
