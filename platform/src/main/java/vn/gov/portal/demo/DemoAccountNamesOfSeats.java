package vn.gov.portal.demo;

import jakarta.inject.Singleton;
import vn.gov.portal.identity.DemoAccountNames;

/** The demo's accounts are the seats {@link DemoAccounts} creates, and the platform admin. */
@Singleton
class DemoAccountNamesOfSeats implements DemoAccountNames {

    @Override
    public boolean isDemoAccount(String username) {
        return DemoAccounts.isDemoAccount(username);
    }
}
