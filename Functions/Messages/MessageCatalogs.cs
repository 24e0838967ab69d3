namespace TetReadiness.Messages;

public static class MessageCatalogs
{
    public static IMessageCatalog For(Language language) =>
        language == Language.English ? EnglishMessages.Instance : VietnameseMessages.Instance;
}
