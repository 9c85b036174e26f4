package vn.gov.portal.backoffice;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * A page's typed view model (a record) as the variables its template reads: one variable per
 * component, under the component's name. The controller builds the record, so a page's model is
 * checked by the compiler (a missing or misspelt value does not compile), while the templates
 * keep reading {@code ${rows}}, {@code ${counts}}… as before. The map is mutable: the back-office
 * shell ({@link AdminPages#page}) adds its own variables (site, menu, csrf).
 */
public final class ViewModel {
    private ViewModel() {
    }

    public static Map<String, Object> of(Record view) {
        Map<String, Object> model = new HashMap<>();
        for (RecordComponent c : view.getClass().getRecordComponents()) {
            try {
                model.put(c.getName(), c.getAccessor().invoke(view));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("view model " + view.getClass().getName() + "." + c.getName(), e);
            }
        }
        return model;
    }
}
