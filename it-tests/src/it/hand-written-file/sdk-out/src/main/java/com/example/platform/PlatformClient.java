// hand-written: Specwright must not replace this
public class PlatformClient {}
