package org.reliefclearance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class PasswordPolicyTest {

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAMissingPassword(String password) {
        assertThat(PasswordPolicy.weakness("admin", password)).isEqualTo("no password given");
    }

    @ParameterizedTest
    @CsvSource({"admin,admin", "admin,short1!", "admin,password1234", "admin,myadminpass99", "admin,onlylettershere",
            "admin,123456789012345"})
    void rejectsWeakPasswords(String user, String password) {
        assertThat(PasswordPolicy.weakness(user, password)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"admin,Str0ng-relief-passphrase", "admin,correct horse 42 battery"})
    void acceptsStrongPasswords(String user, String password) {
        assertThat(PasswordPolicy.weakness(user, password)).isNull();
    }
}
