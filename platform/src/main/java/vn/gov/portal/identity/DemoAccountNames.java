package vn.gov.portal.identity;

/**
 * Whether a username is one of the demo's own accounts (the README's, password known to all), which
 * sign in without a second factor on {@code .localhost} hosts ({@link AccountSecurity}). Identity owns
 * this question and the demo, which creates those accounts through identity, answers it: identity
 * sits below demo in the feature graph (ArchitectureTest).
 */
public interface DemoAccountNames {
    boolean isDemoAccount(String username);
}
