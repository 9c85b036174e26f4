package vn.gov.portal.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.settings.SiteSettings;
import vn.gov.portal.settings.SiteSettingsService;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;

/**
 * "Cài đặt trang" ({@code /admin/cai-dat}): the site's settings as one form, for those who may
 * change them. Works without script: the menu's and the home blocks' Add, Up, Down and Remove are
 * submit buttons that re-render the form with what was typed (nothing saved until "Lưu"), so it
 * is usable on a phone and with a keyboard or screen reader, where drag-and-drop is not. A refusal
 * re-renders the form with its message and the typed values.
 */
@Controller("/admin/cai-dat")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminSettingsController {
    private static final String ADDRESS = "/admin/cai-dat";
    /** Form rows read at most (menu entries, blocks): more than any limit the service accepts. */
    private static final int MAX_ROWS = 64;

    private final SiteSettingsService settings;
    private final AdminPages render;
    private final Templates templates;

    public AdminSettingsController(SiteSettingsService settings, AdminPages render, Templates templates) {
        this.settings = settings;
        this.render = render;
        this.templates = templates;
    }

    /** One of the board's own menu entries as the form holds it. */
    public record MenuRow(String label, String url) {
    }

    /** A home block: its key, and whether it shows. */
    public record BlockRow(String key, boolean shown) {
    }

    /** A language the province offers, and whether this site offers it. */
    public record LanguageRow(String code, boolean offered) {
    }

    /** What the form shows and posts back. */
    public record Form(String name, String englishName, String shortName, String emblemMediaId,
                       Map<String, String> footer, List<MenuRow> menu, List<BlockRow> blocks,
                       List<LanguageRow> languages) {
    }

    @Get
    public HttpResponse<?> show(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String daLuu) {
        SiteSettings current = settings.read(CurrentSite.tenant(request).id(), auth.getRoles());
        Map<String, Object> model = model(request, current, fromSettings(current));
        model.put("done", daLuu);
        return render.page(request, "admin/settings", auth, model, HttpStatus.OK);
    }

    @Needs(Permission.MANAGE_SETTINGS)
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> post(HttpRequest<?> request, Authentication auth, @Body Map<String, String> posted) {
        AdminSession.verifyCsrf(request, posted.get(AdminSession.CSRF_FIELD));
        long siteId = CurrentSite.tenant(request).id();
        SiteSettings current = settings.read(siteId, auth.getRoles());
        Form form = fromPost(posted, current);
        String op = posted.getOrDefault("op", "save");
        if (!op.equals("save")) {
            Map<String, Object> model = model(request, current, edit(form, op));
            return render.page(request, "admin/settings", auth, model, HttpStatus.OK);
        }
        try {
            settings.save(siteId, auth.getRoles(), "account:" + auth.getAttributes().get("account") + ":"
                    + auth.getName(), toSettings(form, current));
            return HttpResponse.seeOther(URI.create(ADDRESS + "?daLuu=1"));
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            Map<String, Object> model = model(request, current, form);
            model.put("error", templates.message(Templates.VIETNAMESE, refused.detailKey(), refused.detailArgs()));
            model.put("errorField", refused.rule());
            return render.page(request, "admin/settings", auth, model, refused.status());
        }
    }

    private Map<String, Object> model(HttpRequest<?> request, SiteSettings current, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("current", current);
        model.put("fixedFirst", current.menu().stream().filter(i -> Boolean.TRUE.equals(i.fixed()))
                .takeWhile(i -> !"contact".equals(i.key())).toList());
        model.put("fixedLast", current.menu().stream().filter(i -> Boolean.TRUE.equals(i.fixed()))
                .dropWhile(i -> !"contact".equals(i.key())).toList());
        var emblems = settings.emblemChoices(CurrentSite.tenant(request));
        model.put("emblems", emblems);
        // The chosen emblem stays selectable even when it is not among the newest images listed.
        model.put("emblemListed", emblems.stream().anyMatch(i -> String.valueOf(i.id()).equals(form.emblemMediaId())));
        model.put("footerFields", List.of("agency", "responsible", "address", "phone", "fax", "email", "licence"));
        return model;
    }

    private static Form fromSettings(SiteSettings s) {
        Map<String, String> footer = new LinkedHashMap<>();
        SiteSettings.Footer f = s.footer();
        footer.put("agency", blank(f.agency()));
        footer.put("responsible", blank(f.responsible()));
        footer.put("address", blank(f.address()));
        footer.put("phone", blank(f.phone()));
        footer.put("fax", blank(f.fax()));
        footer.put("email", blank(f.email()));
        footer.put("licence", blank(f.licence()));
        List<MenuRow> menu = s.menu().stream().filter(i -> !Boolean.TRUE.equals(i.fixed()))
                .map(i -> new MenuRow(blank(i.label()), blank(i.url()))).toList();
        List<BlockRow> blocks = new ArrayList<>();
        s.homeBlocks().forEach(b -> blocks.add(new BlockRow(b, true)));
        s.homeBlocksAvailable().stream().filter(b -> !s.homeBlocks().contains(b))
                .forEach(b -> blocks.add(new BlockRow(b, false)));
        List<LanguageRow> languages = s.provinceLanguages().stream()
                .map(l -> new LanguageRow(l, s.languages().contains(l))).toList();
        return new Form(blank(s.name()), blank(s.englishName()), blank(s.shortName()),
                s.emblemMediaId() == null ? "" : String.valueOf(s.emblemMediaId()), footer, menu, blocks, languages);
    }

    /** The form as posted; rows keep their posted order, blocks and languages only those the site may have. */
    private static Form fromPost(Map<String, String> p, SiteSettings current) {
        Map<String, String> footer = new LinkedHashMap<>();
        for (String field : List.of("agency", "responsible", "address", "phone", "fax", "email", "licence")) {
            footer.put(field, blank(p.get("footer." + field)));
        }
        List<MenuRow> menu = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && (p.containsKey("menu." + i + ".label") || p.containsKey("menu." + i + ".url")); i++) {
            menu.add(new MenuRow(blank(p.get("menu." + i + ".label")), blank(p.get("menu." + i + ".url"))));
        }
        List<BlockRow> blocks = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && p.containsKey("block." + i); i++) {
            String key = p.get("block." + i);
            if (current.homeBlocksAvailable().contains(key) && blocks.stream().noneMatch(b -> b.key().equals(key))) {
                blocks.add(new BlockRow(key, p.containsKey("show." + i)));
            }
        }
        // A block the page did not post (an old form) is kept, not shown.
        current.homeBlocksAvailable().stream().filter(b -> blocks.stream().noneMatch(r -> r.key().equals(b)))
                .forEach(b -> blocks.add(new BlockRow(b, false)));
        List<LanguageRow> languages = current.provinceLanguages().stream()
                .map(l -> new LanguageRow(l, l.equals("vi") || p.containsKey("lang." + l))).toList();
        return new Form(blank(p.get("name")), blank(p.get("englishName")), blank(p.get("shortName")),
                blank(p.get("emblemMediaId")), footer, menu, blocks, languages);
    }

    /** Add, Up, Down, Remove on the menu's rows and Up, Down on the blocks': a new form, nothing saved. */
    private static Form edit(Form form, String op) {
        List<MenuRow> menu = new ArrayList<>(form.menu());
        List<BlockRow> blocks = new ArrayList<>(form.blocks());
        String[] parts = op.split(":", 2);
        int i = -1;
        if (parts.length == 2) {
            try {
                i = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                i = -1;
            }
        }
        switch (parts[0]) {
            case "add" -> menu.add(new MenuRow("", ""));
            case "remove" -> {
                if (i >= 0 && i < menu.size()) {
                    menu.remove(i);
                }
            }
            case "up" -> swap(menu, i, i - 1);
            case "down" -> swap(menu, i, i + 1);
            case "block-up" -> swap(blocks, i, i - 1);
            case "block-down" -> swap(blocks, i, i + 1);
            default -> { }
        }
        return new Form(form.name(), form.englishName(), form.shortName(), form.emblemMediaId(), form.footer(),
                menu, blocks, form.languages());
    }

    private static <T> void swap(List<T> list, int a, int b) {
        if (a >= 0 && b >= 0 && a < list.size() && b < list.size()) {
            T t = list.get(a);
            list.set(a, list.get(b));
            list.set(b, t);
        }
    }

    /** The form as the service's input: the mandatory entries named, the board's after them. */
    private static SiteSettings toSettings(Form form, SiteSettings current) {
        List<SiteSettings.MenuItem> menu = new ArrayList<>();
        current.menu().stream().filter(i -> Boolean.TRUE.equals(i.fixed()))
                .forEach(i -> menu.add(new SiteSettings.MenuItem(i.key(), null, null, true)));
        form.menu().stream().filter(r -> !r.label().isEmpty() || !r.url().isEmpty())
                .forEach(r -> menu.add(new SiteSettings.MenuItem(null, r.label(), r.url(), false)));
        Long emblem = null;
        if (!form.emblemMediaId().isEmpty()) {
            try {
                emblem = Long.valueOf(form.emblemMediaId());
            } catch (NumberFormatException e) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.emblem-missing",
                        "emblemMediaId", "emblemMediaId");
            }
        }
        Map<String, String> f = form.footer();
        return new SiteSettings(form.name(), form.englishName(), form.shortName(), emblem, null,
                new SiteSettings.Footer(f.get("agency"), f.get("responsible"), f.get("address"), f.get("phone"),
                        f.get("fax"), f.get("email"), f.get("licence")),
                menu, form.blocks().stream().filter(BlockRow::shown).map(BlockRow::key).toList(),
                form.languages().stream().filter(LanguageRow::offered).map(LanguageRow::code).toList(),
                null, null, null);
    }

    private static String blank(@Nullable String s) {
        return s == null ? "" : s;
    }
}
