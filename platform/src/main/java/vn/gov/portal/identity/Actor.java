package vn.gov.portal.identity;

import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import java.util.Set;
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

    /** Whether the table ({@link Permission}) lets these seats do this; the place is the caller's to check. */
    public boolean may(Permission action) {
        return action.allowsSeats(roles);
    }

    /** 403 with the row's message unless the table lets these seats do this. */
    public void must(Permission action) {
        action.mustSeats(roles);
    }

    /** The same, with the caller's own message (a page's refusal says "page", an article's "article"). */
    public void must(Permission action, String refusal) {
        if (!may(action)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, refusal);
        }
    }

    /** Writers: everyone on the board but the site administrator, who manages members, not content. */
    public void mustWrite() {
        must(Permission.WRITE_ARTICLES);
    }

    /**
     * Readers of the site's articles in the back office: the writers, and the board's members
     * (ủy viên), who read everything and comment on pending items ({@link ReviewComments}) but
     * never write.
     */
    public void mustRead() {
        must(Permission.READ_ARTICLES);
    }

    /** Approvers: the head and the deputy heads, nobody else (TN Đ5.3, TQ Đ11.3, VP Đ3.4). */
    public void mustReview() {
        must(Permission.REVIEW_ARTICLES);
    }

    public String label() {
        return "account:" + accountId + ":" + username;
    }
}
