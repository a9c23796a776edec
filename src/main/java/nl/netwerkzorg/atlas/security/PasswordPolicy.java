package nl.netwerkzorg.atlas.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rejects weak passwords: at least 12 characters, three character classes, no common words or the user name. */
public final class PasswordPolicy {

    private static final List<String> COMMON = List.of("password", "wachtwoord", "welkom", "welcome", "admin",
            "qwerty", "123456", "letmein", "geheim", "netwerkzorg", "atlas", "neo4j", "changeme");

    private PasswordPolicy() {
    }

    /** The reasons this password is weak; empty when it is acceptable. */
    public static List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password.length() < 12) {
            problems.add("minimaal 12 tekens");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            problems.add("minstens drie van: kleine letter, hoofdletter, cijfer, leesteken");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.stream().anyMatch(lower::contains)) {
            problems.add("geen veelgebruikt woord");
        }
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("mag de gebruikersnaam niet bevatten");
        }
        return problems;
    }
}
