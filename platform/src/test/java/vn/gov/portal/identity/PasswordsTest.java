package vn.gov.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void hashesVerifyAndDifferBySalt() {
        String a = Passwords.hash("Demo@2026");
        String b = Passwords.hash("Demo@2026");
        assertThat(a).startsWith("$argon2id$").isNotEqualTo(b);
        assertThat(Passwords.matches("Demo@2026", a)).isTrue();
        assertThat(Passwords.matches("demo@2026", a)).isFalse();
        assertThat(Passwords.decoyCheck("Demo@2026")).isFalse();
    }

    @Test
    void weakPasswordsAreNamedByTheirWeakness() {
        assertThat(Passwords.weakness("Ab1!", "x")).hasValue("password.too-short");
        assertThat(Passwords.weakness("abcdefghij", "x")).hasValue("password.too-simple");
        assertThat(Passwords.weakness("Sotaichinh@1", "sotaichinh")).hasValue("password.contains-username");
        assertThat(Passwords.weakness("Demo@2026", "sotaichinh.truongban")).isEmpty();
        assertThat(Passwords.weakness("Mật khẩu 2026", "x")).isEmpty();
    }
}
