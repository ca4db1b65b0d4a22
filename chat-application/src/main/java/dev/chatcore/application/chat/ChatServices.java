package dev.chatcore.application.chat;

import dev.chatcore.application.dm.LeaveDirectMessage;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.globalroom.GetGlobalRoom;
import dev.chatcore.application.globalroom.JoinGlobalRoom;
import dev.chatcore.application.globalroom.ListGlobalRooms;
import dev.chatcore.application.globalroom.PlaceInGlobalRoom;
import dev.chatcore.application.globalroom.SweepIdlePlayers;
import dev.chatcore.application.preferences.GetPreferences;
import dev.chatcore.application.preferences.UpdatePreferences;
import dev.chatcore.application.report.ReportMessage;
import jakarta.inject.Inject;

/**
 * The Chat V2 player use cases, held together for the {@code /chat} routes ({@link
 * dev.chatcore.application.ChatCore#chat()} holds the ones the core wired).
 */
public final class ChatServices {
  private final AdmitPlayer admitPlayer;
  private final ReadRoomUpdates readRoomUpdates;
  private final PostChatMessage postChatMessage;
  private final PlaceInGlobalRoom placeInGlobalRoom;
  private final JoinGlobalRoom joinGlobalRoom;
  private final GetGlobalRoom getGlobalRoom;
  private final ListGlobalRooms listGlobalRooms;
  private final SweepIdlePlayers sweepIdlePlayers;
  private final SendDirectMessage sendDirectMessage;
  private final LeaveDirectMessage leaveDirectMessage;
  private final GetPreferences getPreferences;
  private final UpdatePreferences updatePreferences;
  private final ReportMessage reportMessage;

  @Inject
  public ChatServices(
      AdmitPlayer admitPlayer,
      ReadRoomUpdates readRoomUpdates,
      PostChatMessage postChatMessage,
      PlaceInGlobalRoom placeInGlobalRoom,
      JoinGlobalRoom joinGlobalRoom,
      GetGlobalRoom getGlobalRoom,
      ListGlobalRooms listGlobalRooms,
      SweepIdlePlayers sweepIdlePlayers,
      SendDirectMessage sendDirectMessage,
      LeaveDirectMessage leaveDirectMessage,
      GetPreferences getPreferences,
      UpdatePreferences updatePreferences,
      ReportMessage reportMessage) {
    this.admitPlayer = admitPlayer;
    this.readRoomUpdates = readRoomUpdates;
    this.postChatMessage = postChatMessage;
    this.placeInGlobalRoom = placeInGlobalRoom;
    this.joinGlobalRoom = joinGlobalRoom;
    this.getGlobalRoom = getGlobalRoom;
    this.listGlobalRooms = listGlobalRooms;
    this.sweepIdlePlayers = sweepIdlePlayers;
    this.sendDirectMessage = sendDirectMessage;
    this.leaveDirectMessage = leaveDirectMessage;
    this.getPreferences = getPreferences;
    this.updatePreferences = updatePreferences;
    this.reportMessage = reportMessage;
  }

  public AdmitPlayer admitPlayer() {
    return admitPlayer;
  }

  public ReadRoomUpdates readRoomUpdates() {
    return readRoomUpdates;
  }

  public PostChatMessage postChatMessage() {
    return postChatMessage;
  }

  public PlaceInGlobalRoom placeInGlobalRoom() {
    return placeInGlobalRoom;
  }

  public JoinGlobalRoom joinGlobalRoom() {
    return joinGlobalRoom;
  }

  public GetGlobalRoom getGlobalRoom() {
    return getGlobalRoom;
  }

  public ListGlobalRooms listGlobalRooms() {
    return listGlobalRooms;
  }

  public SweepIdlePlayers sweepIdlePlayers() {
    return sweepIdlePlayers;
  }

  public SendDirectMessage sendDirectMessage() {
    return sendDirectMessage;
  }

  public LeaveDirectMessage leaveDirectMessage() {
    return leaveDirectMessage;
  }

  public GetPreferences getPreferences() {
    return getPreferences;
  }

  public UpdatePreferences updatePreferences() {
    return updatePreferences;
  }

  public ReportMessage reportMessage() {
    return reportMessage;
  }
}
