package nl.netwerkzorg.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongMixedPassword() {
        assertThat(PasswordPolicy.problems("anna", "Zomer-Fiets-Bloem-71")).isEmpty();
    }

    @Test
    void rejectsShortCommonOrUsernamePasswords() {
        assertThat(PasswordPolicy.problems("anna", "Kort-1")).contains("minimaal 12 tekens");
        assertThat(PasswordPolicy.problems("anna", "alleenkleineletters")).isNotEmpty();
        assertThat(PasswordPolicy.problems("anna", "Welkom-2026-Atlas!")).contains("geen veelgebruikt woord");
        assertThat(PasswordPolicy.problems("beleid", "Demo-Beleid-2026!")).contains("mag de gebruikersnaam niet bevatten");
    }

    @Test
    void demoPasswordsPassThePolicy() {
        for (UserService.DemoUser demo : UserService.DemoUser.values()) {
            assertThat(PasswordPolicy.problems(demo.username, demo.password)).as(demo.username).isEmpty();
        }
    }
}
