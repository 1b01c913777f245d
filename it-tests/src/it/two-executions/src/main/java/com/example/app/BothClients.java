package com.example.app;

import com.example.platform.PlatformClient;
import com.example.widgets.WidgetClient;
import com.example.widgets.types.Widget;

/** Compiles only if both executions' sources are on the compile path together, each in its own packages. */
public final class BothClients {

    private BothClients() {
    }

    public static String names(PlatformClient platform, WidgetClient widgets, Widget widget) {
        return platform.getClass().getSimpleName() + " " + widgets.getClass().getSimpleName() + " "
                + widget.getClass().getSimpleName();
    }
}
