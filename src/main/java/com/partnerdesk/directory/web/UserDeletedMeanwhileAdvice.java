package com.partnerdesk.directory.web;

import com.partnerdesk.directory.internal.UserDeletedMeanwhile;
import com.partnerdesk.web.Notices;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two admins working on the same user: whoever acts second on a user the other just deleted (a license Save, a
 * password reset, a second deletion) lands on the users list, which no longer shows the user, with a notice saying
 * who was deleted meanwhile. Nothing was changed by the refused action; the Activity tab shows it as failed (see
 * {@link UserDeletedMeanwhile}).
 */
@ControllerAdvice(assignableTypes = { UserLicensesController.class, ResetPasswordController.class,
        DeleteUsersController.class })
class UserDeletedMeanwhileAdvice {

    @ExceptionHandler(UserDeletedMeanwhile.class)
    String deletedMeanwhile(UserDeletedMeanwhile deleted, RedirectAttributes redirect) {
        Notices.warning(redirect, "user.deletedMeanwhile", deleted.getDisplayName());
        return "redirect:/customers/" + deleted.getCustomerId() + "/users";
    }
}
