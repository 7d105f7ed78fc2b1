//! Shared `ActiveModelBehavior`: UUID keys and timestamps are set here, once, for every table.

/// `stamped_behavior!(created)` for append-only tables, `stamped_behavior!(created, updated)`
/// for mutable ones.
macro_rules! stamped_behavior {
    (created $(, $updated:ident)?) => {
        #[async_trait::async_trait]
        impl sea_orm::ActiveModelBehavior for ActiveModel {
            fn new() -> Self {
                Self {
                    id: sea_orm::ActiveValue::Set(uuid::Uuid::new_v4()),
                    ..<Self as sea_orm::ActiveModelTrait>::default()
                }
            }

            async fn before_save<C>(mut self, _db: &C, insert: bool) -> Result<Self, sea_orm::DbErr>
            where
                C: sea_orm::ConnectionTrait,
            {
                let now = chrono::Utc::now().fixed_offset();
                if insert {
                    if self.id.is_not_set() {
                        self.id = sea_orm::ActiveValue::Set(uuid::Uuid::new_v4());
                    }
                    if self.created_at.is_not_set() {
                        self.created_at = sea_orm::ActiveValue::Set(now);
                    }
                }
                $( self.$updated = sea_orm::ActiveValue::Set(now); )?
                Ok(self)
            }
        }
    };
}
