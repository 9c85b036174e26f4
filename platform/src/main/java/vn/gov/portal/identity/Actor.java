package vn.gov.portal.identity;

import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import java.util.Set;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.web.ProblemException;

/**
 * Who acts, with the roles the token gives them on this site. Only seats on this site's own
 * board count for its content: component sites approve their own (TN Đ5.3).
 */
public record Actor(long accountId, String username, Set<String> roles) {

    public static Actor of(Authentication auth) {
        Object id = auth.getAttributes().get("account");
        if (id == null) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "error.401.detail");
        }
        return new Actor(Long.parseLong(String.valueOf(id)), auth.getName(), Set.copyOf(auth.getRoles()));
    }

    public boolean has(Role... any) {
        for (Role r : any) {
            if (roles.contains(r.name())) {
                return true;
            }
        }
        return false;
    }

    /** Writers: everyone on the board but the site administrator, who manages members, not content. */
    public void mustWrite() {
        if (!has(Role.CONTRIBUTOR, Role.EDITOR, Role.DEPUTY_HEAD, Role.HEAD)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "article.forbidden.write");
        }
    }

    /**
     * Readers of the site's articles in the back office: the writers, and the board's members
     * (ủy viên), who read everything and comment on pending items ({@link ReviewComments}) but
     * never write.
     */
    public void mustRead() {
        if (!has(Role.CONTRIBUTOR, Role.EDITOR, Role.DEPUTY_HEAD, Role.HEAD, Role.MEMBER)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "article.forbidden.read");
        }
    }

    /** Approvers: the head and the deputy heads, nobody else (TN Đ5.3, TQ Đ11.3, VP Đ3.4). */
    public void mustReview() {
        if (!has(Role.DEPUTY_HEAD, Role.HEAD)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "article.forbidden.review");
        }
    }

    public String label() {
        return "account:" + accountId + ":" + username;
    }
}
