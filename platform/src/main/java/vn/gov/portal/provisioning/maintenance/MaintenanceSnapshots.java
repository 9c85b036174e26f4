package vn.gov.portal.provisioning.maintenance;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantStatus;

/**
 * The static read-only copy of each affected site's essential pages (ND 224 Đ13), taken by each
 * node from itself shortly before the window starts, with the notice already in the pages, and
 * kept as plain files: {@code <data dir>/maintenance/<window>/<host>/<path>/index.html}, with the
 * stylesheets and emblem they use. While the window lasts the application answers from them
 * ({@link MaintenanceFilter}) without touching the database; if the application itself is
 * stopped, the reverse proxy can serve the same folder (README: "Planned maintenance").
 */
@Singleton
public class MaintenanceSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceSnapshots.class);
    /** The pages a visitor needs while the rest is away: home, introduction, contact, channels, site map. */
    public static final List<String> ESSENTIAL = List.of("/", "/gioi-thieu", "/lien-he", "/kenh-thong-tin",
            "/so-do-cong");
    /** Requests of the copy carry this, so the filter lets them reach the live pages. */
    static final String COPY_HEADER = "X-Portal-Static-Copy";
    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/assets/[^\"?#]+)");
    private static final String COMPLETE = ".complete";

    private final Path root;
    private final TenantDirectory directory;
    private final Provider<EmbeddedServer> server;
    private final String secret = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public MaintenanceSnapshots(@Value("${portal.data-dir:data}") String dataDir, TenantDirectory directory,
                                Provider<EmbeddedServer> server) {
        this.root = Path.of(dataDir).resolve("maintenance");
        this.directory = directory;
        this.server = server;
    }

    boolean isCopyRequest(@Nullable String header) {
        return secret.equals(header);
    }

    public boolean has(MaintenanceWindow w) {
        return Files.exists(root.resolve(Long.toString(w.id())).resolve(COMPLETE));
    }

    /** What was copied: host → paths. Replaces an earlier copy of the same window. */
    public Map<String, List<String>> take(MaintenanceWindow w, List<Tenant> sites) {
        DirectorySnapshot dir = directory.snapshot();
        Path folder = root.resolve(Long.toString(w.id()));
        Path building = root.resolve(w.id() + ".building");
        deleteTree(building);
        Map<String, List<String>> copied = new HashMap<>();
        Map<String, byte[]> assets = new HashMap<>();
        for (Tenant site : sites) {
            if (site.status() != TenantStatus.ACTIVE && site.status() != TenantStatus.ARCHIVED) {
                continue;
            }
            for (String baseDomain : dir.provinceOf(site).baseDomains()) {
                String host = dir.hostOf(site, baseDomain);
                List<String> paths = new ArrayList<>();
                for (String path : ESSENTIAL) {
                    byte[] page = fetch(host, path);
                    if (page == null) {
                        continue;
                    }
                    write(building.resolve(host).resolve(relative(path)), page);
                    paths.add(path);
                    Matcher m = ASSET.matcher(new String(page, StandardCharsets.UTF_8));
                    while (m.find()) {
                        assets.computeIfAbsent(m.group(1), a -> fetch(host, a));
                    }
                }
                for (var asset : assets.entrySet()) {
                    if (asset.getValue() != null) {
                        write(building.resolve(host).resolve(asset.getKey().substring(1)), asset.getValue());
                    }
                }
                copied.put(host, paths);
            }
        }
        write(building.resolve(COMPLETE), new byte[0]);
        deleteTree(folder);
        try {
            Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("Maintenance {}: static copy of {} hosts", w.id(), copied.size());
        return copied;
    }

    /** The copied page for this host and path, or null (not an essential page, or no copy). */
    public @Nullable Path page(MaintenanceWindow w, String host, String path) {
        if (path.contains("..") || host.contains("/") || host.contains("..")) {
            return null;
        }
        Path hostFolder = root.resolve(Long.toString(w.id())).resolve(host);
        Path file = path.startsWith("/assets/") ? hostFolder.resolve(path.substring(1))
                : hostFolder.resolve(relative(path));
        return file.normalize().startsWith(hostFolder) && Files.isRegularFile(file) ? file : null;
    }

    /** Forgets the copies of windows that are over. */
    void forget(long windowId) {
        deleteTree(root.resolve(Long.toString(windowId)));
    }

    private static String relative(String path) {
        String p = path.endsWith("/") ? path : path + "/";
        return p.substring(1) + "index.html";
    }

    private @Nullable byte[] fetch(String host, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.get().getPort() + path))
                    .header("Host", host).header(COPY_HEADER, secret).timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            LOG.warn("Static copy: {}{} not fetched: {}", host, path, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
