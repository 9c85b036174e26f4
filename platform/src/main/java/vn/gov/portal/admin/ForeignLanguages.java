package vn.gov.portal.admin;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.TenantDirectory;

/** The languages other than Vietnamese a site offers (its province's, as the site chose), with their Vietnamese names. */
@Singleton
public class ForeignLanguages {
    private final TenantDirectory directory;

    ForeignLanguages(TenantDirectory directory) {
        this.directory = directory;
    }

    /** Code → Vietnamese name ("en" → "tiếng Anh"), in the province's order; empty for an unknown site. */
    public Map<String, String> of(long tenantId) {
        var snapshot = directory.snapshot();
        var tenant = snapshot.byId(tenantId);
        Map<String, String> out = new LinkedHashMap<>();
        if (tenant == null) {
            return out;
        }
        for (String code : snapshot.languagesOf(tenant)) {
            if (!"vi".equals(code)) {
                String name = Locale.forLanguageTag(code).getDisplayLanguage(Templates.VIETNAMESE);
                out.put(code, name.isEmpty() ? code : Character.toLowerCase(name.charAt(0)) + name.substring(1));
            }
        }
        return out;
    }
}
