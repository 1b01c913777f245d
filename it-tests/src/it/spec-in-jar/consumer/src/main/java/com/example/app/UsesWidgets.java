package com.example.app;

import com.example.widgets.WidgetClient;
import com.example.widgets.model.Widget;

/** Compiles only if the client and the model from the $ref'd file were generated. */
public final class UsesWidgets {

    private UsesWidgets() {
    }

    public static String describe(WidgetClient client, Widget widget) {
        return client.getClass().getSimpleName() + " " + widget.getClass().getSimpleName();
    }
}
