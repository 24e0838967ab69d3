namespace TetReadiness.Messages;

/// <summary>The languages a response can be written in; Vietnamese is the default (<see cref="LanguagePreference"/>).</summary>
public enum Language
{
    Vietnamese,
    English,
}
