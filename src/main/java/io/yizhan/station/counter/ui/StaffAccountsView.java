package io.yizhan.station.counter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import io.yizhan.station.staff.StaffAccount;
import io.yizhan.station.staff.StaffAccounts;
import io.yizhan.station.staff.StaffException;
import jakarta.annotation.security.RolesAllowed;

/** The admin's list of staff accounts: add, reset a password, disable and enable. */
@Route(value = "counter/staff", layout = CounterLayout.class)
@Menu(order = 95, title = "menu.counter.staff")
@RolesAllowed(Role.ADMIN_NAME)
class StaffAccountsView extends Div implements HasDynamicTitle {

    private final StaffAccounts accounts;
    private final Grid<StaffAccount> grid = new Grid<>();

    StaffAccountsView(StaffAccounts accounts, StationTime time) {
        this.accounts = accounts;
        addClassName("counter-page");
        add(new H1(getTranslation("staff.title")));
        grid.setId("staff-grid");
        grid.addColumn(StaffAccount::username).setHeader(getTranslation("staff.username"));
        grid.addColumn(StaffAccount::displayName).setHeader(getTranslation("staff.display-name"));
        grid.addColumn(a -> getTranslation(a.role().translationKey())).setHeader(getTranslation("staff.role"));
        grid.addColumn(a -> getTranslation(a.enabled() ? "staff.enabled" : "staff.disabled")).setHeader(getTranslation("staff.state"));
        grid.addColumn(a -> time.dateTime(a.createdAt())).setHeader(getTranslation("staff.created"));
        grid.addComponentColumn(a -> {
            Button reset = new Button(getTranslation("staff.reset-password"), e -> resetPassword(a));
            Button toggle = new Button(getTranslation(a.enabled() ? "staff.disable" : "staff.enable"),
                    e -> run(() -> accounts.setEnabled(a.username(), !a.enabled())));
            if (a.enabled()) {
                toggle.addThemeVariants(ButtonVariant.ERROR);
            }
            return new HorizontalLayout(reset, toggle);
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);

        add(new H2(getTranslation("staff.add")));
        TextField username = new TextField(getTranslation("staff.username"));
        username.setId("new-username");
        TextField displayName = new TextField(getTranslation("staff.display-name"));
        displayName.setId("new-display-name");
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("staff.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation(r.translationKey()));
        role.setValue(Role.CLERK);
        PasswordField password = new PasswordField(getTranslation("staff.password"));
        password.setId("new-password");
        password.setHelperText(getTranslation("staff.password.help"));
        Button add = new Button(getTranslation("staff.add.button"), e -> run(() -> {
            accounts.create(username.getValue(), displayName.getValue(), role.getValue(), password.getValue());
            username.clear();
            displayName.clear();
            password.clear();
        }));
        add.setId("new-account");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout form = new HorizontalLayout(username, displayName, role, password, add);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        form.setWrap(true);
        add(form);
        refresh();
    }

    private void resetPassword(StaffAccount account) {
        Dialog dialog = new Dialog(getTranslation("staff.reset-password.title", account.username()));
        PasswordField password = new PasswordField(getTranslation("staff.password"));
        password.setHelperText(getTranslation("staff.password.help"));
        Button save = new Button(getTranslation("staff.reset-password"), e -> run(() -> {
            accounts.resetPassword(account.username(), password.getValue());
            dialog.close();
        }));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        dialog.add(password);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void run(Runnable change) {
        try {
            change.run();
            Notification.show(getTranslation("common.saved")).addThemeVariants(NotificationVariant.SUCCESS);
            refresh();
        } catch (StaffException e) {
            Notification.show(getTranslation(e.messageKey())).addThemeVariants(NotificationVariant.ERROR);
        }
    }

    private void refresh() {
        grid.setItems(accounts.all());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.staff");
    }
}
